package io.podctl.rollout.journal;

/**
 * A journal, lock or flags file that cannot be read or parsed. The message names the full
 * location and the way out, since no rollout may continue from a journal it cannot read.
 */
public final class JournalUnreadableException extends RuntimeException {

    private final String where;

    public JournalUnreadableException(String what, String where, String cause) {
        super("rollout " + what + " " + where + " is unreadable (" + cause + "): repair it, or move it aside with"
                + " 'podctl rollout reset --archive' (the deployed state then decides what is left to do)");
        this.where = where;
    }

    public String where() {
        return where;
    }
}
