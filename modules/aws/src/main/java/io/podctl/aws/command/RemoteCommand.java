package io.podctl.aws.command;

import java.time.Duration;

/** Runs a shell command on a pod host; health probes use it to look at a node from inside. */
public interface RemoteCommand extends AutoCloseable {

    /**
     * Runs {@code shellCommand} on the instance and waits for its result up to {@code deadline}.
     * Never throws for a command that failed or a host that cannot be reached: that is the answer a
     * probe needs. Throws {@link io.podctl.aws.AwsCallFailed} when AWS itself refuses the call.
     */
    CommandResult run(String instanceId, String shellCommand, Duration deadline);

    @Override
    void close();
}
