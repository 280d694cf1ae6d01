package io.podctl.rollout.window;

import java.time.Duration;
import java.time.Instant;

/** The next wave waits until the previously upgraded pod has run its new version for its soak time. */
public final class Soak {

    private Soak() {
    }

    /** When the next pod may start: {@code finished + soak}. */
    public static Instant over(Instant previousFinished, Duration previousSoak) {
        return previousFinished.plus(previousSoak);
    }

    public static boolean isOver(Instant previousFinished, Duration previousSoak, Instant now) {
        return !now.isBefore(over(previousFinished, previousSoak));
    }
}
