package io.podctl.rollout.run;

import io.podctl.rollout.health.Health;
import java.time.Duration;

/** How a gate ended: the last answer decides the reason printed and journaled. */
public record GateResult(String gate, boolean passed, Health last, Duration waited) {

    public String describe() {
        return gate + (passed ? " passed: " : " FAILED after " + waited.toMillis() + " ms: ") + last.reason();
    }
}
