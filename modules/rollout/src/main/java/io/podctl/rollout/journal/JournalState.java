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
 * @param podsFinishedAt pod name to the versions it had reached then (one line); a pod whose spec
 *                     has moved on since is not finished for the next pod's soak. Journals
 *                     written before this was kept have none
 * @param outcome      how the last run ended (running, finished, halted, waiting, paused, aborted)
 * @param reason       why, for halted/waiting runs
 */
public record JournalState(String fleet, List<StepRecord> steps, Map<String, Instant> podsFinished,
                           Map<String, String> podsFinishedAt, String outcome, String reason, Instant updated) {

    public JournalState {
        steps = List.copyOf(steps);
        podsFinished = Map.copyOf(podsFinished);
        podsFinishedAt = podsFinishedAt == null ? Map.of() : Map.copyOf(podsFinishedAt);
        reason = reason == null ? "" : reason;
        outcome = outcome == null ? "" : outcome;
    }

    public static JournalState empty(String fleet) {
        return new JournalState(fleet, List.of(), Map.of(), Map.of(), "", "", null);
    }

    public Optional<StepRecord> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).reduce((a, b) -> b);
    }

    /** Replaces the record with the same id, or appends it. */
    public JournalState with(StepRecord record, Instant at) {
        List<StepRecord> next = new ArrayList<>(steps);
        next.removeIf(s -> s.id().equals(record.id()));
        next.add(record);
        return new JournalState(fleet, next, podsFinished, podsFinishedAt, outcome, reason, at);
    }

    /** @param versions the versions the pod runs now ({@code PodRollout.desiredLine()}) */
    public JournalState withPodFinished(String pod, Instant at, String versions) {
        Map<String, Instant> next = new LinkedHashMap<>(podsFinished);
        next.put(pod, at);
        Map<String, String> nextVersions = new LinkedHashMap<>(podsFinishedAt);
        nextVersions.put(pod, versions);
        return new JournalState(fleet, steps, next, nextVersions, outcome, reason, at);
    }

    /** When the pod finished at {@code versions}; empty when it has not, or did at other versions. */
    public Optional<Instant> finishedAt(String pod, String versions) {
        Instant at = podsFinished.get(pod);
        String reached = podsFinishedAt.get(pod);
        return at != null && (reached == null || reached.equals(versions)) ? Optional.of(at) : Optional.empty();
    }

    public JournalState ended(String how, String why, Instant at) {
        return new JournalState(fleet, steps, podsFinished, podsFinishedAt, how, why, at);
    }
}
