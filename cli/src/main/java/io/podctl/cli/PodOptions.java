package io.podctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that works on a deployed pod shares. */
final class PodOptions {

    @Option(names = "--pods", paramLabel = "DIR", description = "Directory of pod specs (default: pods).")
    Path pods = Path.of("pods");

    @Option(names = "--backend", paramLabel = "URL",
            description = "State backend: file:///path or s3://bucket/prefix (default: file://<dir of --pods>/../.podctl/state).")
    String backend;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call (and the engine's AWS provider) here, e.g. an emulator; default: $AWS_ENDPOINT_URL.")
    String endpointUrl;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Limit for each engine operation: 90s, 45m, 2h; a bare number is minutes (default: 60m).")
    String timeout = "60m";

    /** The --timeout value; a malformed one is bad input before anything runs. */
    java.time.Duration timeout() {
        var m = java.util.regex.Pattern.compile("(\\d{1,6})([smh]?)").matcher(timeout.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UserError("--timeout must be a positive duration such as 90s, 45m or 2h, not '" + timeout + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofMinutes(n);
        };
    }

    /** The repository the pods live in: work dirs and the default state go under its .podctl/. */
    Path root() {
        Path abs = pods.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }
}
