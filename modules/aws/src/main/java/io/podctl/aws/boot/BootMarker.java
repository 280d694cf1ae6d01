package io.podctl.aws.boot;

import java.util.Objects;
import java.util.Optional;

/**
 * What a host's bootstrap left in SSM at {@code /pods/<pod>/status/<node>} (control hosts) or
 * {@code /pods/<pod>/status/agents-<pool>/<instance-id>} (agents): {@code "failed STEP TIME"} (STEP is the failed unit, e.g. {@code podctl-install-mesos} or {@code mesos-agent}) when
 * a boot step or a role service failed, {@code "booted STEP TIME"} once every step succeeded.
 *
 * @param key        the parameter name below the pod's status path: {@code control-1} or {@code agents-general/i-0abc}
 * @param step       the step that failed, or the last step of a finished boot
 * @param reportedAt the host's own UTC timestamp, as written
 */
public record BootMarker(String key, State state, String step, String reportedAt) {

    public enum State { BOOTED, FAILED }

    public BootMarker {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** The marker's value as report-step writes it; empty when the value is not of that form. */
    static Optional<BootMarker> parse(String key, String value) {
        String[] words = value.strip().split("\\s+");
        if (words.length < 2) {
            return Optional.empty();
        }
        State state = switch (words[0]) {
            case "booted" -> State.BOOTED;
            case "failed" -> State.FAILED;
            default -> null;
        };
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(new BootMarker(key, state, words[1], words.length > 2 ? words[2] : "?"));
    }

    public boolean failed() {
        return state == State.FAILED;
    }

    /** "ok", or "failed at step install-mesos (2026-12-03T18:00:00Z)". */
    public String describe() {
        return failed() ? "failed at step " + step + " (" + reportedAt + ")" : "ok";
    }
}
