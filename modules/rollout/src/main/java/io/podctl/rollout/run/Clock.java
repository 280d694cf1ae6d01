package io.podctl.rollout.run;

import java.time.Duration;
import java.time.Instant;

/** Time for the executor: the wall clock in production, a fake that jumps on sleep in tests. */
public interface Clock {

    Instant now();

    /** Waits between gate polls; the only waiting the executor does. */
    void sleep(Duration duration) throws InterruptedException;

    Clock SYSTEM = new Clock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };
}
