package io.podctl.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged podctl jar as a separate process, as a user or CI would. */
public final class Podctl {
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    private Podctl() {}

    public static Path repoRoot() {
        String root = System.getProperty("podctl.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    public static Path jar() {
        Path jar = repoRoot().resolve("cli/target/podctl.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the CLI first: " + jar + " is missing");
        }
        return jar;
    }

    public static Result run(Path workDir, String... args) {
        return run(workDir, Map.of(), null, args);
    }

    public static Result run(Path workDir, Map<String, String> env, String stdin, String... args) {
        return run(workDir, env, stdin, java.time.Duration.ofSeconds(180), args);
    }

    /** As {@link #run(Path, Map, String, String...)}, for commands that may take longer (real engine runs). */
    public static Result run(Path workDir, Map<String, String> env, String stdin, java.time.Duration limit, String... args) {
        Process p = start(workDir, env, stdin, args);
        return await(p, limit, args);
    }

    /** Starts podctl and returns at once; {@link #await} collects it. */
    public static Process start(Path workDir, Map<String, String> env, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("podctl-out", ".txt");
            Path err = Files.createTempFile("podctl-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            OUTPUTS.put(p, List.of(out, err));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<Process, List<Path>> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a process started with {@link #start} has printed on stdout so far. */
    public static String stdoutSoFar(Process p) {
        try {
            return Files.readString(OUTPUTS.get(p).get(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result await(Process p, java.time.Duration limit, String... args) {
        List<Path> files = OUTPUTS.remove(p);
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("podctl " + String.join(" ", args) + " did not finish in " + limit.toSeconds() + " s");
            }
            Result r = new Result(p.exitValue(), Files.readString(files.get(0)), Files.readString(files.get(1)));
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies the repository's example fleet into a scratch directory's pods/. */
    public static Path copyFleet(Path dir) throws IOException {
        Path pods = Files.createDirectories(dir.resolve("pods"));
        try (var files = Files.list(repoRoot().resolve("pods"))) {
            for (Path f : files.toList()) {
                Files.copy(f, pods.resolve(f.getFileName()));
            }
        }
        return pods;
    }
}
