package io.podctl.rollout.journal;

import java.time.Instant;

/** Who holds a fleet's rollout lock, so a person can judge whether it is stale. */
public record LockOwner(String host, long pid, Instant since) {

    @Override
    public String toString() {
        return "pid " + pid + " on " + host + " since " + since;
    }
}
