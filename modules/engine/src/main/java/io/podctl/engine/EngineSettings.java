package io.podctl.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the engine keeps its files and state, and how it reaches AWS.
 *
 * @param root       the repository (or any directory): work dirs go to {@code <root>/.podctl/work/<pod>}
 * @param backendUrl {@code file://...} or {@code s3://bucket/prefix}
 * @param passphrase encrypts the stack's secrets in the state; never logged
 * @param endpoint   an AWS endpoint override (an emulator) for the aws provider, if any
 * @param timeout    the limit for each operation, including its stack selection and config
 * @param providerEnvironment variables for the engine's processes on top of this process's own
 *        (credentials, profile, region): the aws provider reads them as it would from a shell, so a
 *        stack deployed from another process sees the same provider inputs; values are never logged
 */
public record EngineSettings(Path root, String backendUrl, String passphrase, Optional<URI> endpoint, Duration timeout,
        Map<String, String> providerEnvironment) {

    /** The environment variable podctl reads the state passphrase from; never a flag or a prompt. */
    public static final String PASSPHRASE_ENV = "PODCTL_PASSPHRASE";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    public EngineSettings {
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(timeout, "timeout");
        providerEnvironment = Map.copyOf(providerEnvironment);
        backendUrl = backendUrl == null || backendUrl.isBlank() ? defaultBackend(root) : checkedBackend(backendUrl);
    }

    /** Settings whose engine processes inherit this process's environment unchanged (the CLI's case). */
    public EngineSettings(Path root, String backendUrl, String passphrase, Optional<URI> endpoint, Duration timeout) {
        this(root, backendUrl, passphrase, endpoint, timeout, Map.of());
    }

    /** The same settings, with the engine's processes also given {@code variables}. */
    public EngineSettings withProviderEnvironment(Map<String, String> variables) {
        return new EngineSettings(root, backendUrl, passphrase, endpoint, timeout, variables);
    }

    /**
     * Settings from the command line and the environment.
     *
     * @throws EngineSetupException when PODCTL_PASSPHRASE is unset or the backend URL is malformed
     */
    public static EngineSettings from(Path root, String backendFlag, Map<String, String> env, Optional<URI> endpoint, Duration timeout) {
        String passphrase = env.get(PASSPHRASE_ENV);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new EngineSetupException(PASSPHRASE_ENV + " is not set: export the passphrase that encrypts the pods'"
                    + " stack secrets (the same for everyone sharing the backend; podctl never prompts for it)");
        }
        return new EngineSettings(root, backendFlag, passphrase, endpoint, timeout);
    }

    public Path workDir(String pod) {
        return root.resolve(".podctl").resolve("work").resolve(pod);
    }

    /** The state folder of a file backend (the CLI refuses to start when it is missing). */
    public Optional<Path> fileBackendDirectory() {
        return backendUrl.startsWith("file://") ? Optional.of(Path.of(java.net.URI.create(backendUrl))) : Optional.empty();
    }

    static String defaultBackend(Path root) {
        return root.resolve(".podctl").resolve("state").toUri().toString().replaceFirst("^file:/+", "file:///");
    }

    private static String checkedBackend(String url) {
        if (url.startsWith("file://") || url.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?")) {
            return url;
        }
        throw new EngineSetupException("backend must be file:///path or s3://bucket/prefix, got: " + url);
    }

    @Override
    public String toString() {
        return "EngineSettings[root=" + root + ", backend=" + backendUrl + ", endpoint=" + endpoint + ", timeout=" + timeout
                + ", providerEnvironment=" + new java.util.TreeSet<>(providerEnvironment.keySet()) + "]";
    }
}
