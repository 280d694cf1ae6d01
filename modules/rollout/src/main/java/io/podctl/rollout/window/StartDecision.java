package io.podctl.rollout.window;

import java.time.Instant;

/** Whether a pod's upgrade may start now, and if not, when it next may. */
public sealed interface StartDecision {

    record Now() implements StartDecision {
    }

    /** @param next the next instant a start is allowed, or null when no opening is long enough */
    record Wait(Instant next, String reason) implements StartDecision {
    }
}
