package io.podctl.rollout.journal;

/** What the lock file says: nobody holds it, someone does, or it cannot be read. */
public sealed interface LockState {

    record Free() implements LockState {
    }

    record Held(LockOwner owner) implements LockState {
    }

    record Unreadable(JournalUnreadableException problem) implements LockState {
    }
}
