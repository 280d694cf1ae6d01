package io.podctl.cli;

import io.podctl.engine.PodStack;
import io.podctl.engine.StackEngine;
import io.podctl.engine.StackResult;
import io.podctl.spec.model.Pod;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show what `podctl up` would change in the pod's stack (the engine's own diff). Changes nothing.",
        footer = {"", "Examples:",
            "  PODCTL_PASSPHRASE=... podctl preview not-prod-pod-1",
            "  podctl preview prd-pod-1 --backend s3://podctl-state/pods",
            "  podctl preview not-prod-pod-1 --endpoint-url http://127.0.0.1:5000   # against an emulator",
            "  podctl preview not-prod-pod-1 --output json   # per resource, as `podctl diff --output json` has it",
            "", "Exit codes: 0 previewed, 1 engine failed, 2 bad input or missing pulumi/credentials/passphrase."})
final class PreviewCommand extends StackCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.text;

    PreviewCommand() {
        this(EngineSessions.real());
    }

    PreviewCommand(EngineSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        Pod pod = pod();
        Prepared<PodStack> prepared = engineWhilePlanning(() -> stack(pod, true));
        StackEngine engine = prepared.engine();
        if (output == OutputFormat.json) {
            // progress lines would break the JSON document: they are dropped
            StackResult result = run(p -> engine.preview(prepared.plan(), p),
                    new io.podctl.engine.ProgressLines(new PrintWriter(new StringWriter())));
            out().println(PreviewReport.json(pod.name(), result));
            return ExitCode.OK;
        }
        StackResult result = run(p -> engine.preview(prepared.plan(), p), progress());
        out().println("preview of pod " + pod.name() + ": " + result.changes().describe());
        return ExitCode.OK;
    }
}
