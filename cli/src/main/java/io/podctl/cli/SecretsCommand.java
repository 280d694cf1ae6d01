package io.podctl.cli;

import io.podctl.aws.secrets.SecretEntry;
import io.podctl.aws.secrets.SsmSecretStore;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Store and list pod secrets (SSM SecureStrings under /pods/<pod>/). Values are never printed.",
        subcommands = {SecretsCommand.Put.class, SecretsCommand.ListNames.class})
final class SecretsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = {"Store a secret read from stdin (never from an argument, so it stays out of shell history",
                "and process lists). One trailing newline is dropped."},
            footer = {"", "Examples:",
                "  podctl secrets put prd-pod-1 marathon/http-credentials < creds.txt",
                "  pass show marathon | podctl secrets put prd-pod-1 marathon/http-credentials",
                "", "Exit codes: 0 stored, 1 AWS refused, 2 bad pod/key, empty value or no credentials."})
    static final class Put implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "POD")
        String podName;

        @Parameters(index = "1", paramLabel = "KEY", description = "e.g. marathon/http-credentials")
        String key;

        @Mixin
        PodOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Pod pod = Pods.find(options.pods, podName);
            // the pod's hosts read their secrets in the pod's region, whatever the caller's default is
            var store = new SsmSecretStore(AwsCommands.context(options.endpointUrl).withRegion(pod.spec().region()));
            char[] value = readValue(System.in);
            try {
                if (value.length == 0) {
                    throw new UserError("no value on stdin for secret " + key + ": pipe it in, e.g. podctl secrets put "
                            + podName + " " + key + " < file");
                }
                String name = AwsCommands.call(() -> {
                    try {
                        return store.put(pod.name(), key, value);
                    } catch (IllegalArgumentException e) {
                        throw new UserError(e.getMessage());
                    }
                });
                spec.commandLine().getOut().println("stored " + name + " (SecureString, " + value.length + " characters)");
                return ExitCode.OK;
            } finally {
                Arrays.fill(value, '\0');
            }
        }

        static char[] readValue(InputStream in) throws IOException {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CharBuffer all = CharBuffer.allocate(64 * 1024);
            while (all.hasRemaining() && reader.read(all) > 0) {
                // read until EOF or the limit: SSM advanced parameters hold at most 8 KB anyway
            }
            all.flip();
            int end = all.limit();
            if (end > 0 && all.get(end - 1) == '\n') {
                end--;
            }
            if (end > 0 && all.get(end - 1) == '\r') {
                end--;
            }
            char[] value = new char[end];
            all.get(value);
            Arrays.fill(all.array(), '\0');
            return value;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the pod's secret names and when each last changed; never the values.",
            footer = {"", "Examples:", "  podctl secrets list prd-pod-1",
                "", "Exit codes: 0 listed, 1 AWS refused, 2 bad pod or no credentials."})
    static final class ListNames implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "POD")
        String podName;

        @Mixin
        PodOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Pod pod = Pods.find(options.pods, podName);
            // the pod's hosts read their secrets in the pod's region, whatever the caller's default is
            var store = new SsmSecretStore(AwsCommands.context(options.endpointUrl).withRegion(pod.spec().region()));
            List<SecretEntry> entries = AwsCommands.call(() -> store.list(pod.name()));
            var out = spec.commandLine().getOut();
            entries.forEach(e -> out.println(e.key() + "\t" + e.parameterName() + "\t" + e.lastModified()));
            out.println(ValidateCommand.plural(entries.size(), "secret") + " for pod " + pod.name());
            return ExitCode.OK;
        }
    }
}
