package io.podctl.rollout.journal;

/** Another rollout of the same fleet holds the lock. */
public final class LockHeldException extends Exception {

    private final LockOwner owner;

    public LockHeldException(String fleet, LockOwner owner) {
        super("a rollout of " + fleet + " is already running (lock held by " + owner
                + "); if that process is gone, run again with --break-lock");
        this.owner = owner;
    }

    public LockOwner owner() {
        return owner;
    }
}
