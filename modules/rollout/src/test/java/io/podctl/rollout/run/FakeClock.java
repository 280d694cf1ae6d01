package io.podctl.rollout.run;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when the code under test sleeps or the test says so. */
final class FakeClock implements Clock {

    private Instant now;

    FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now = now.plus(duration);
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
