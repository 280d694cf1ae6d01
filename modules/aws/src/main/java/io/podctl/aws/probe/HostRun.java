package io.podctl.aws.probe;

import io.podctl.aws.command.CommandResult;
import io.podctl.aws.command.RemoteCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** One probe command on the host serving a target, with its output checked for completeness. */
final class HostRun {

    /** What GetCommandInvocation returns of stdout at most. */
    static final int SSM_STDOUT_LIMIT = 24_000;

    private final RemoteCommand remote;
    private final HostInstances instances;
    private final Duration deadline;

    HostRun(RemoteCommand remote, HostInstances instances, Duration deadline) {
        this.remote = remote;
        this.instances = instances;
        this.deadline = deadline;
    }

    /** @return the output lines before the end marker */
    List<String> run(String host, String command, String what) throws IOException {
        String instance = instances.instanceOf(host);
        CommandResult result;
        try {
            result = remote.run(instance, command, deadline);
        } catch (RuntimeException e) {
            throw new IOException(what + " on " + host + " (" + instance + "): " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new IOException(what + " on " + host + " (" + instance + "): Run Command " + result.outcome().name().toLowerCase()
                    + (result.detail().isBlank() ? "" : ", " + result.detail()) + firstLine(result.stderr()));
        }
        List<String> lines = result.stdout().lines().toList();
        int end = lines.indexOf(HostCommands.END);
        if (end < 0) {
            throw new IOException(what + " on " + host + " (" + instance + "): the reply is cut"
                    + (result.stdout().length() >= SSM_STDOUT_LIMIT ? ": even compressed it is over the " + SSM_STDOUT_LIMIT
                            + " characters of output SSM returns" : ""));
        }
        return lines.subList(0, end);
    }

    static String firstLine(String stderr) {
        return stderr.isBlank() ? "" : ": " + stderr.strip().lines().findFirst().orElse("");
    }
}
