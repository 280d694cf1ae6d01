package io.podctl.cli;

import io.podctl.engine.StackEngine;
import io.podctl.engine.StackResult;
import io.podctl.spec.model.Pod;
import picocli.CommandLine.Command;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show what `podctl up` would change in the pod's stack (the engine's own diff). Changes nothing.",
        footer = {"", "Examples:",
            "  PODCTL_PASSPHRASE=... podctl preview not-prod-pod-1",
            "  podctl preview prd-pod-1 --backend s3://podctl-state/pods",
            "  podctl preview not-prod-pod-1 --endpoint-url http://127.0.0.1:5000   # against an emulator",
            "", "Exit codes: 0 previewed, 1 engine failed, 2 bad input or missing pulumi/credentials/passphrase."})
final class PreviewCommand extends StackCommand {

    PreviewCommand() {
        this(EngineSessions.real());
    }

    PreviewCommand(EngineSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        Pod pod = pod();
        StackEngine engine = engine();
        StackResult result = run(p -> engine.preview(stack(pod, true), p), progress());
        out().println("preview of pod " + pod.name() + ": " + result.changes().describe());
        return ExitCode.OK;
    }
}
