package io.podctl.rollout.journal;

import java.time.Instant;

/**
 * One step as the journal keeps it. Written with status STARTED before the step acts and
 * rewritten as DONE or FAILED after, so a killed run knows which step was in flight.
 *
 * @param id     stable across runs: pod/role/node/action@version
 * @param ended  null while STARTED
 * @param detail what the gate said, or why the step failed
 */
public record StepRecord(String id, String pod, String node, String action, String version,
                         StepStatus status, Instant started, Instant ended, String detail) {

    public enum StepStatus { STARTED, DONE, FAILED }

    /** The role's wire name, the second part of a step id (pod/role/node/action@version). */
    public static java.util.Optional<String> roleOf(String id) {
        String[] parts = id.split("/");
        return parts.length < 4 ? java.util.Optional.empty() : java.util.Optional.of(parts[1]);
    }

    public StepRecord finish(StepStatus outcome, Instant at, String why) {
        return new StepRecord(id, pod, node, action, version, outcome, started, at, why);
    }
}
