package io.podctl.aws.command;

/**
 * What a shell command on a host produced.
 *
 * @param exitCode the script's exit code, -1 when it did not finish
 * @param stdout the output SSM kept (it truncates after 24,000 characters)
 * @param detail SSM's status details, or why there is no result
 */
public record CommandResult(
        String instanceId,
        Outcome outcome,
        int exitCode,
        String stdout,
        String stderr,
        String detail) {

    public enum Outcome {
        SUCCEEDED,
        /** ran and exited non-zero */
        FAILED,
        /** no final answer before the deadline, or the script's own timeout hit */
        TIMED_OUT,
        CANCELLED,
        /** not delivered: no SSM agent, instance stopped or unknown */
        UNREACHABLE
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    static CommandResult without(String instanceId, Outcome outcome, String detail) {
        return new CommandResult(instanceId, outcome, -1, "", "", detail);
    }
}
