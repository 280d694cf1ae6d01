package io.podctl.rollout.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persisted progress of a fleet's rollout: every step started or finished, the pods
 * finished (for soak), and how the last run ended.
 *
 * @param podsFinished pod name to the time its last step passed its gate
 * @param outcome      how the last run ended (running, finished, halted, waiting, paused, aborted)
 * @param reason       why, for halted/waiting runs
 */
public record JournalState(String fleet, List<StepRecord> steps, Map<String, Instant> podsFinished,
                           String outcome, String reason, Instant updated) {

    public JournalState {
        steps = List.copyOf(steps);
        podsFinished = Map.copyOf(podsFinished);
        reason = reason == null ? "" : reason;
        outcome = outcome == null ? "" : outcome;
    }

    public static JournalState empty(String fleet) {
        return new JournalState(fleet, List.of(), Map.of(), "", "", null);
    }

    public Optional<StepRecord> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).reduce((a, b) -> b);
    }

    /** Replaces the record with the same id, or appends it. */
    public JournalState with(StepRecord record, Instant at) {
        List<StepRecord> next = new ArrayList<>(steps);
        next.removeIf(s -> s.id().equals(record.id()));
        next.add(record);
        return new JournalState(fleet, next, podsFinished, outcome, reason, at);
    }

    public JournalState withPodFinished(String pod, Instant at) {
        Map<String, Instant> next = new LinkedHashMap<>(podsFinished);
        next.put(pod, at);
        return new JournalState(fleet, steps, next, outcome, reason, at);
    }

    public JournalState ended(String how, String why, Instant at) {
        return new JournalState(fleet, steps, podsFinished, how, why, at);
    }
}
