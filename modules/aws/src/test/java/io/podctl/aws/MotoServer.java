package io.podctl.aws;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JUnit 5 extension that runs a real moto server (the AWS API emulator) for the test JVM.
 *
 * <pre>{@code
 * @ExtendWith(MotoServer.class)
 * class SomethingTest {
 *   SomethingTest(AwsContext aws) { ... }     // or MotoEndpoint
 * }
 * }</pre>
 *
 * <p>One server per JVM, started by the first test class that uses it and stopped when the run
 * ends; its state is reset before each test class, so classes cannot see each other's resources.
 * The executable is {@code -Dpodctl.moto=PATH}, else {@code <repo>/.venv/bin/moto_server} (as
 * {@code scripts/test-deps} installs it), else {@code moto_server} on PATH. Without it the tests
 * are skipped, or fail when {@code CI=true}, so CI never passes by skipping. moto serves one
 * request at a time here (see {@code serialized}), as S3 decides conditional writes atomically.
 */
public final class MotoServer implements BeforeAllCallback, ParameterResolver {

    static final String INSTALL_HINT =
            "moto_server not found (looked at -Dpodctl.moto, <repo>/.venv/bin/moto_server and PATH);"
                    + " install it with: bash scripts/test-deps";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MotoServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int START_ATTEMPTS = 3;
    /** moto_server's entry point with podctl's adjustments (moto-server.py says which and why). */
    private static final String BOOTSTRAP = bootstrap();

    private static String bootstrap() {
        try (var in = MotoServer.class.getResourceAsStream("moto-server.py")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("moto-server.py is missing from the test classpath", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MotoEndpoint.class || type == AwsContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MotoEndpoint endpoint = running(context).endpoint();
        Class<?> type = parameter.getParameter().getType();
        if (type == MotoEndpoint.class) {
            return endpoint;
        }
        if (type == AwsContext.class) {
            return endpoint.context();
        }
        throw new ParameterResolutionException("MotoServer cannot supply " + type);
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        Running.class, k -> Running.start(executable()), Running.class);
    }

    /** The moto_server to run; aborts (or fails on CI) the test class when there is none. */
    static Path executable() {
        return executable(locate(), "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static Path executable(Optional<Path> found, boolean onCi) {
        if (found.isPresent()) {
            return found.get();
        }
        if (onCi) {
            throw new IllegalStateException(INSTALL_HINT);
        }
        Assumptions.abort(INSTALL_HINT);
        throw new AssertionError("unreachable");
    }

    static Optional<Path> locate() {
        String explicit = System.getProperty("podctl.moto");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(
                        "-Dpodctl.moto=" + explicit + " is not an executable");
            }
            return Optional.of(path);
        }
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("podctl.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Path.of(root, ".venv", "bin", "moto_server"));
        }
        // run from a module directory without the parent's system property: look upwards
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(".venv/bin/moto_server"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "moto_server"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The server process; closed by JUnit when the root context ends (the end of the run). */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final MotoEndpoint endpoint;
        private final HttpClient http;
        private final Thread shutdownHook;

        private Running(Process process, MotoEndpoint endpoint, HttpClient http) {
            this.process = process;
            this.endpoint = endpoint;
            this.http = http;
            // if the JVM is killed before JUnit closes the store, do not leave moto behind
            this.shutdownHook = new Thread(process::destroyForcibly, "moto-server-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        static Running start(Path executable) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Path log = logFile();
            IllegalStateException last = null;
            // a free port can be taken between probing and binding: try a few
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = freePort();
                Process process = launch(executable, port, log);
                URI uri = URI.create("http://127.0.0.1:" + port);
                try {
                    awaitReady(process, uri, http, log);
                    return new Running(process, new MotoEndpoint(uri), http);
                } catch (IllegalStateException e) {
                    process.destroyForcibly();
                    last = e;
                }
            }
            throw last;
        }

        MotoEndpoint endpoint() {
            return endpoint;
        }

        /** Forgets every resource, so each test class starts from an empty account. */
        void reset() {
            HttpRequest request =
                    HttpRequest.newBuilder(endpoint.uri().resolve("/moto-api/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(30))
                            .build();
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "moto reset answered HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("moto reset failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during moto reset", e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook will run anyway, and destroying a dead process is harmless
            }
        }

        private static Process launch(Path executable, int port, Path log) {
            List<String> command =
                    new ArrayList<>(serialized(executable).orElse(List.of(executable.toString())));
            command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            try {
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + executable, e);
            }
        }

        /**
         * moto_server's own entry point with werkzeug's threaded mode off. moto checks If-None-Match
         * and If-Match on PutObject but holds no lock between the check and the write, so on its
         * threaded server two racing conditional writes can both succeed; S3 decides them
         * atomically. One request at a time restores S3's guarantee for the lock tests. Empty when
         * no Python interpreter is found beside the script (then moto runs as installed).
         */
        private static Optional<List<String>> serialized(Path executable) {
            Path bin = executable.toAbsolutePath().getParent();
            return Stream.of("python3", "python")
                    .map(bin::resolve)
                    .filter(Files::isExecutable)
                    .findFirst()
                    .map(python -> List.of(python.toString(), "-c", BOOTSTRAP));
        }

        private static void awaitReady(Process process, URI uri, HttpClient http, Path log) {
            HttpRequest probe =
                    HttpRequest.newBuilder(uri.resolve("/moto-api/data.json"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build();
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "moto_server exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // poll again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for moto", e);
                }
                try {
                    Thread.sleep(100); // poll interval, bounded by the deadline above
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for moto", e);
                }
            }
            throw new IllegalStateException(
                    "moto_server did not answer on " + uri + " within " + STARTUP + "; see " + log);
        }

        private static int freePort() {
            try (ServerSocket socket =
                    new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }

        private static Path logFile() {
            Path target = Path.of("target");
            try {
                return Files.isDirectory(target)
                        ? target.resolve("moto-server.log")
                        : Files.createTempFile("moto-server", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a moto log file", e);
            }
        }
    }
}
