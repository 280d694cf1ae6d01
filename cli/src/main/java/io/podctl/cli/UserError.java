package io.podctl.cli;

/** A problem the user can fix; printed as one line on stderr with its exit code, no stack trace. */
public class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(String message) {
        this(message, ExitCode.BAD_INPUT);
    }

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** With the cause kept for --debug (e.g. the Pulumi CLI's whole output). */
    public UserError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
