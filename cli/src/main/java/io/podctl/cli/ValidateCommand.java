package io.podctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.validate.Finding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check pod and fleet specs against every rule of the spec.",
            "Findings print as FILE:LINE:COLUMN: error|warning: MESSAGE, then a one-line summary."},
        footer = {"", "Examples:",
            "  podctl validate                      # everything under pods/",
            "  podctl validate pods/prd-pod-1.yaml  # one pod (pods/fleet.yaml defaults still apply)",
            "  podctl validate --strict             # warnings fail too",
            "  podctl validate --output json | jq '.[] | select(.severity==\"error\")'",
            "  podctl validate --online             # also ask AWS: zones, AMI, secret references exist",
            "", "Besides the spec rules, every host is rendered: user data over EC2's 16,384 bytes is an error at the pod's name.",
            "", "Exit codes: 0 no errors, 2 errors found (or warnings with --strict)."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Pod files or directories (default: pods/).")
    List<Path> paths;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json: findings as a JSON array.")
    OutputFormat output = OutputFormat.text;

    @Option(names = "--online", description = "Also check against AWS that each pod's zones, image and referenced secrets exist (values are never read).")
    boolean online;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "With --online: send AWS calls here (an emulator); default: $AWS_ENDPOINT_URL.")
    String endpointUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("pods")) : paths;
        SpecSet set = RenderChecks.addFindings(SpecLoader.load(inputs));
        if (online && !set.hasErrors()) {
            // the manifest beside the fleet the first input belongs to, as the loader finds it
            Path first = inputs.get(0);
            Path dir = Files.isDirectory(first) ? first : first.getParent();
            Path manifest = dir == null ? Path.of(SpecLoader.ARTIFACTS_FILE) : dir.resolve(SpecLoader.ARTIFACTS_FILE);
            set = OnlineValidation.addFindings(set, AwsCommands.context(endpointUrl), manifest);
        }
        PrintWriter out = spec.commandLine().getOut();
        String summary = summary(set);
        if (output == OutputFormat.json) {
            out.println(json(set.findings()));
            spec.commandLine().getErr().println(summary);
        } else {
            set.findings().forEach(out::println);
            out.println(summary);
        }
        out.flush();
        boolean failed = set.hasErrors() || (strict && set.warnings() > 0);
        return failed ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    private static String summary(SpecSet set) {
        return "checked " + plural(set.pods().size(), "pod") + " in " + plural(set.filesRead(), "file") + ": "
                + plural((int) set.errors(), "error") + ", " + plural((int) set.warnings(), "warning");
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String json(List<Finding> findings) throws Exception {
        List<Map<String, Object>> rows = findings.stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", f.position().file());
            row.put("line", f.position().line());
            row.put("column", f.position().column());
            row.put("severity", f.severity().label());
            row.put("message", f.message());
            return row;
        }).toList();
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
    }
}
