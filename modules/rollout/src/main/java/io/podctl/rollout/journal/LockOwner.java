package io.podctl.rollout.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who holds a fleet's rollout lock, so podctl and a person can judge whether it is stale.
 *
 * @param processStart when the holding process started, to tell a reused pid from the holder (null in old locks)
 * @param leaseUntil   the holder renews this while it writes; past it, a holder on another host is
 *                     presumed gone (null in old locks)
 */
public record LockOwner(String host, long pid, Instant since, Instant processStart, Instant leaseUntil) {

    /** ALIVE: provably running, never taken over. STALE: provably gone. UNKNOWN: another host without a lease. */
    public enum State { ALIVE, STALE, UNKNOWN }

    public record Liveness(State state, String reason) {
    }

    public static LockOwner of(String host, long pid, Instant now, Instant leaseUntil) {
        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(null);
        return new LockOwner(host, pid, now, started, leaseUntil);
    }

    public LockOwner renewed(Instant until) {
        return new LockOwner(host, pid, since, processStart, until);
    }

    /** Judged from {@code here}, the host podctl runs on now. */
    public Liveness liveness(String here, Instant now) {
        if (here.equals(host)) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return new Liveness(State.STALE, "pid " + pid + " is gone from " + host);
            }
            Optional<Instant> started = process.get().info().startInstant();
            if (processStart != null && started.isPresent()
                    && !started.get().truncatedTo(ChronoUnit.SECONDS).equals(processStart.truncatedTo(ChronoUnit.SECONDS))) {
                return new Liveness(State.STALE, "pid " + pid + " on " + host + " is another process now");
            }
            return new Liveness(State.ALIVE, "pid " + pid + " runs on this host");
        }
        if (leaseUntil == null) {
            return new Liveness(State.UNKNOWN, "held from another host without a lease");
        }
        return now.isAfter(leaseUntil)
                ? new Liveness(State.STALE, "its lease expired at " + leaseUntil)
                : new Liveness(State.ALIVE, "its lease runs until " + leaseUntil);
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host + " since " + since;
    }
}
