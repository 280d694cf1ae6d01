package io.podctl.rollout.run;

import java.time.Duration;

/**
 * How a gate polls: every {@code interval}, passing after {@code passes} consecutive healthy
 * answers (kOps' --validate-count, 2 by default), failing when {@code timeout} passes first.
 */
public record GatePolicy(Duration interval, Duration timeout, int passes) {

    public static final GatePolicy DEFAULT = new GatePolicy(Duration.ofMillis(250), Duration.ofMinutes(5), 2);

    public GatePolicy {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be >= 1");
        }
    }
}
