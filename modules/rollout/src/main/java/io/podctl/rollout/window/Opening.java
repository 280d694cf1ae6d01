package io.podctl.rollout.window;

import java.time.Duration;
import java.time.Instant;

/** One occurrence of a weekly window: it opens and closes at these instants. */
public record Opening(Instant opens, Instant closes) {

    /** The latest start that still finishes {@code expected} work before the window closes. */
    public Instant lastStart(Duration expected) {
        return closes.minus(expected);
    }

    public boolean admits(Instant now, Duration expected) {
        return !now.isBefore(opens) && !now.isAfter(lastStart(expected));
    }
}
