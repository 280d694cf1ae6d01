package io.podctl.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "podctl",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Turns declarative pod specs (pods/*.yaml) into Pulumi stacks on AWS and rolls upgrades pod by pod.",
            "",
            "Exit codes: 0 ok, 1 operation failed, 2 bad input (nothing touched), 3 waiting (window, lock, approval)."
        },
        subcommands = {
            ValidateCommand.class,
            DiffCommand.class,
            PlanCommand.class,
            CompletionCommand.class,
            RolloutCommand.class,
            PreviewCommand.class,
            UpCommand.class,
            DestroyCommand.class,
            RefreshCommand.class,
            OutputsCommand.class,
            StatusCommand.class,
            SecretsCommand.class,
            BackendCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces for unexpected errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Commands whose Pulumi runs are all in-process mock runs (see SdkThreads). */
    private static final Set<String> MOCK_RUN_COMMANDS = Set.of("plan", "diff");

    public static void main(String[] args) {
        quietLibraryLogs(java.util.Arrays.asList(args).contains("--debug"));
        if (args.length > 0 && MOCK_RUN_COMMANDS.contains(args[0])) {
            io.podctl.infra.SdkThreads.configureForMockRuns();
            // the SDK's classes load on another core while the command line is built and parsed
            io.podctl.infra.MockEngineRun.warmUpInBackground(args[0].equals("diff"));
        } else {
            io.podctl.infra.SdkThreads.configure();
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The Pulumi SDK and gRPC log through java.util.logging to stderr (a SEVERE trace when the engine
     * ends a run early); podctl reports failures itself, so those logs are shown with --debug only.
     */
    static void quietLibraryLogs(boolean debug) {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = debug ? java.util.logging.Level.INFO : java.util.logging.Level.OFF;
        root.setLevel(level);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }

    /** Runs podctl with the given streams; the entry point for in-process tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::handleBadArguments);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed.hasMatchedOption("--debug")
                || parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--debug"));
        if (e instanceof UserError u) {
            err.println("podctl: " + u.getMessage());
            if (debug) {
                // what the user can act on lies in the causes (the Pulumi CLI's whole output), not in a trace
                for (Throwable cause = u.getCause(); cause != null; cause = cause.getCause()) {
                    err.println("caused by: " + cause.getMessage());
                }
            }
            return u.exitCode();
        }
        if (e instanceof io.podctl.aws.AwsCallFailed aws) {
            // phrased for the user already; one that never reached AWS is the caller's configuration
            err.println("podctl: " + aws.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return aws instanceof io.podctl.aws.AwsUnreachable ? ExitCode.BAD_INPUT : ExitCode.FAILED;
        }
        err.println("podctl: unexpected error: " + e + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return ExitCode.FAILED;
    }

    private static int handleBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        if (cli.getCommandSpec().qualifiedName().equals("podctl secrets put")) {
            // an extra argument there is most likely the secret itself: never repeat any of them
            err.println("podctl: secrets put takes POD and KEY only: values come from stdin only"
                    + " (the arguments given are not repeated here)");
            err.println("Run 'podctl secrets put --help' for usage.");
            return ExitCode.BAD_INPUT;
        }
        err.println("podctl: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCode.BAD_INPUT;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            var props = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("/podctl-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"podctl " + props.getProperty("version", "dev")};
        }
    }
}
