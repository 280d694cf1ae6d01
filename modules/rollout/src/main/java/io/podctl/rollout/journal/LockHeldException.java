package io.podctl.rollout.journal;

/** Another rollout of the same fleet holds the lock, or did and is gone (stale). */
public final class LockHeldException extends Exception {

    private final LockOwner owner;
    private final LockOwner.Liveness liveness;

    public LockHeldException(String fleet, LockOwner owner, LockOwner.Liveness liveness) {
        super(switch (liveness.state()) {
            case ALIVE -> "a rollout of " + fleet + " is already running (lock held by " + owner + "; " + liveness.reason() + ")";
            case STALE -> "the rollout of " + fleet + " was interrupted: lock held by " + owner + ", but " + liveness.reason()
                    + "; take it over with --break-lock";
            case UNKNOWN -> "a rollout of " + fleet + " may be running (lock held by " + owner + ", " + liveness.reason()
                    + "); if that process is gone, run again with --break-lock";
        });
        this.owner = owner;
        this.liveness = liveness;
    }

    public LockOwner owner() {
        return owner;
    }

    public LockOwner.Liveness liveness() {
        return liveness;
    }
}
