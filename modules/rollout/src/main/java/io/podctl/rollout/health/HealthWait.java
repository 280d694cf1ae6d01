package io.podctl.rollout.health;

import java.time.Duration;
import java.time.Instant;

/** Polls a probe until it is healthy or a deadline passes, for tests and local tooling. */
public final class HealthWait {

    private HealthWait() {
    }

    /** Returns the first healthy answer, or the last unhealthy one when the deadline passed. */
    public static Health until(HealthProbe probe, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        Health health = probe.check();
        while (!health.healthy() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return health;
            }
            health = probe.check();
        }
        return health;
    }

    public static Health until(HealthProbe probe, Duration timeout) {
        return until(probe, timeout, Duration.ofMillis(100));
    }
}
