package io.podctl.cli;

import io.podctl.aws.backend.BackendLocation;
import io.podctl.aws.backend.S3StateBackend;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backend", mixinStandardHelpOptions = true,
        description = "Manage the shared state backend.",
        subcommands = {BackendCommand.Init.class})
final class BackendCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the S3 state bucket (versioned, encrypted, public access blocked); safe to rerun.",
            footer = {"", "Examples:",
                "  AWS_REGION=us-west-2 podctl backend init s3://podctl-state/pods",
                "  podctl up prd-pod-1 --backend s3://podctl-state/pods",
                "", "Exit codes: 0 ready, 1 AWS refused, 2 bad URL or no credentials."})
    static final class Init implements Callable<Integer> {

        @Parameters(paramLabel = "URL", description = "s3://bucket/prefix")
        String url;

        @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send AWS calls here (an emulator); default: $AWS_ENDPOINT_URL.")
        String endpointUrl;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                BackendLocation.parse(url);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            var backend = new S3StateBackend(AwsCommands.context(endpointUrl));
            BackendLocation location = AwsCommands.call(() -> backend.initBackend(url));
            spec.commandLine().getOut().println("backend " + location.url()
                    + " is ready (versioning on, SSE-S3 encryption, public access blocked); use --backend " + location.url());
            return ExitCode.OK;
        }
    }
}
