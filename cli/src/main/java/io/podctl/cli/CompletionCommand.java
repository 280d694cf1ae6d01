package io.podctl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script.",
        footer = {"", "Examples:",
            "  source <(podctl completion bash)",
            "  podctl completion zsh > \"${fpath[1]}/_podctl\""})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("podctl", spec.root().commandLine());
        var out = spec.commandLine().getOut();
        if (shell == Shell.zsh) {
            // picocli's script runs under zsh through bashcompinit
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return ExitCode.OK;
    }
}
