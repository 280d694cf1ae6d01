package io.podctl.cli;

/** The exit codes every podctl command keeps to, so scripts and CI can branch on them. */
public final class ExitCode {
    public static final int OK = 0;
    /** The operation ran and failed (a gate, an engine error, a failed check). */
    public static final int FAILED = 1;
    /** Bad input: a spec error, an unknown pod, a missing tool or credential. Nothing was touched. */
    public static final int BAD_INPUT = 2;
    /** Nothing failed, but the work has to wait: outside a window, a lock held, approval refused. */
    public static final int WAITING = 3;

    private ExitCode() {}
}
