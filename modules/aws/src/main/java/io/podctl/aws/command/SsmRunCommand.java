package io.podctl.aws.command;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import io.podctl.aws.command.CommandResult.Outcome;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RemoteCommand} over SSM Run Command: SendCommand with {@code AWS-RunShellScript}, then
 * GetCommandInvocation until the invocation reaches a final status or the deadline passes.
 */
public final class SsmRunCommand implements RemoteCommand {

    private static final String DOCUMENT = "AWS-RunShellScript";

    /** SSM's minimum for the delivery timeout. */
    private static final long MIN_DELIVERY_SECONDS = 30;

    private final SsmClient ssm;
    private final Duration pollInterval;

    public SsmRunCommand(AwsContext context) {
        this(context, Duration.ofSeconds(1));
    }

    public SsmRunCommand(AwsContext context, Duration pollInterval) {
        this.ssm = context.ssm();
        this.pollInterval = pollInterval;
    }

    @Override
    public CommandResult run(String instanceId, String shellCommand, Duration deadline) {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        long seconds = Math.max(1, deadline.toSeconds());
        String commandId;
        try {
            commandId =
                    ssm.sendCommand(
                                    r ->
                                            r.instanceIds(instanceId)
                                                    .documentName(DOCUMENT)
                                                    .comment("podctl")
                                                    .timeoutSeconds(
                                                            (int)
                                                                    Math.max(
                                                                            MIN_DELIVERY_SECONDS,
                                                                            seconds))
                                                    .parameters(
                                                            Map.of(
                                                                    "commands",
                                                                            List.of(shellCommand),
                                                                    // the script stops itself
                                                                    // rather than outliving our
                                                                    // wait
                                                                    "executionTimeout",
                                                                            List.of(
                                                                                    Long.toString(
                                                                                            seconds)))))
                            .command()
                            .commandId();
        } catch (InvalidInstanceIdException e) {
            return CommandResult.without(
                    instanceId,
                    Outcome.UNREACHABLE,
                    "not a running instance with an SSM agent online");
        } catch (SdkException e) {
            throw AwsErrors.failed("SendCommand to " + instanceId, e);
        }
        return await(instanceId, commandId, deadlineNanos);
    }

    private CommandResult await(String instanceId, String commandId, long deadlineNanos) {
        while (true) {
            Optional<CommandResult> result = poll(instanceId, commandId);
            if (result.isPresent()) {
                return result.get();
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                cancel(commandId, instanceId);
                return CommandResult.without(
                        instanceId, Outcome.TIMED_OUT, "no final status for command " + commandId);
            }
            sleep(Math.min(left, pollInterval.toNanos()));
        }
    }

    /** The final result, or empty while SSM is still delivering or running the command. */
    private Optional<CommandResult> poll(String instanceId, String commandId) {
        GetCommandInvocationResponse invocation;
        try {
            invocation =
                    ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId));
        } catch (InvocationDoesNotExistException e) {
            return Optional
                    .empty(); // SSM needs a moment after SendCommand before it knows the invocation
        } catch (SdkException e) {
            throw AwsErrors.failed("GetCommandInvocation " + commandId, e);
        }
        Optional<Outcome> outcome =
                outcome(invocation.statusAsString(), invocation.statusDetails());
        return outcome.map(
                o ->
                        new CommandResult(
                                instanceId,
                                o,
                                invocation.responseCode() == null ? -1 : invocation.responseCode(),
                                nullToEmpty(invocation.standardOutputContent()),
                                nullToEmpty(invocation.standardErrorContent()),
                                nullToEmpty(invocation.statusDetails())));
    }

    /** Maps SSM's status (and its details, which tell delivery failures apart). */
    static Optional<Outcome> outcome(String status, String details) {
        if (details != null
                && (details.equals("Undeliverable")
                        || details.equals("Terminated")
                        || details.equals("InvalidPlatform")
                        || details.equals("AccessDenied"))) {
            return Optional.of(Outcome.UNREACHABLE);
        }
        return switch (status == null ? "" : status) {
            case "Success" -> Optional.of(Outcome.SUCCEEDED);
            case "Failed" -> Optional.of(Outcome.FAILED);
            case "TimedOut" -> Optional.of(Outcome.TIMED_OUT);
            case "Cancelled", "Cancelling" -> Optional.of(Outcome.CANCELLED);
            default -> Optional.empty(); // Pending, InProgress, Delayed
        };
    }

    /** Best effort, so an abandoned probe does not keep running on the host. */
    private void cancel(String commandId, String instanceId) {
        try {
            ssm.cancelCommand(r -> r.commandId(commandId).instanceIds(instanceId));
        } catch (SdkException e) {
            // the command may have just finished; nothing else to do
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an SSM command", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        ssm.close();
    }
}
