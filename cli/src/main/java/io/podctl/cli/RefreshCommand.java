package io.podctl.cli;

import io.podctl.engine.PodStack;
import io.podctl.engine.StackResult;
import io.podctl.spec.model.Pod;
import picocli.CommandLine.Command;

@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Read the real state of the pod's resources into the stack state (changes no resource).",
        footer = {"", "Examples:", "  podctl refresh prd-pod-1",
            "", "Exit codes: 0 refreshed, 1 engine failed, 2 bad input or missing pulumi/credentials/passphrase."})
final class RefreshCommand extends StackCommand {

    RefreshCommand() {
        this(EngineSessions.real());
    }

    RefreshCommand(EngineSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        Pod pod = pod();
        Prepared<PodStack> prepared = engineWhilePlanning(() -> stack(pod, true));
        StackResult result = run(p -> prepared.engine().refresh(prepared.plan(), p), progress());
        out().println("refreshed pod " + pod.name() + ": " + result.changes().describe());
        return ExitCode.OK;
    }
}
