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

    @Option(names = "--timeout", paramLabel = "MINUTES", description = "Limit for each engine operation (default: 60).")
    int timeoutMinutes = 60;

    /** The repository the pods live in: work dirs and the default state go under its .podctl/. */
    Path root() {
        Path abs = pods.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }
}
