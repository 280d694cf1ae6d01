package io.podctl.cli;

import io.podctl.spec.model.Pod;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "outputs", mixinStandardHelpOptions = true,
        description = "Print the pod stack's outputs (KEY=VALUE, sorted); secret outputs are masked.",
        footer = {"", "Examples:", "  podctl outputs prd-pod-1",
            "  podctl outputs prd-pod-1 | grep '^zookeeperConnect='",
            "", "Exit codes: 0 printed, 1 engine failed, 2 bad input or missing pulumi/credentials/passphrase."})
final class OutputsCommand extends StackCommand {

    OutputsCommand() {
        this(EngineSessions.real());
    }

    OutputsCommand(EngineSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        Pod pod = pod();
        Map<String, String> outputs = call(() -> engine().outputs(stack(pod, true)));
        outputs.forEach((k, v) -> out().println(k + "=" + v));
        return ExitCode.OK;
    }
}
