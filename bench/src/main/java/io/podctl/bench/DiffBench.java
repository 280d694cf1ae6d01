package io.podctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code podctl diff} across 50 changed pods as a whole process: a scratch git repository with the
 * generated fleet committed, then a second commit bumping ZooKeeper on every pod (each pod's
 * program runs twice under the mock engine, 100 runs in all).
 */
final class DiffBench {
    static final int PODS = 50;

    private DiffBench() {}

    static void run(Path root) throws Exception {
        System.out.println("== diff (whole process, JVM start included)");
        Path repo = Files.createTempDirectory("podctl-bench-diff");
        Path pods = FleetGenerator.write(repo, PODS, 2);
        git(repo, "init", "-q", "-b", "main");
        commit(repo, "fleet");
        try (var files = Files.list(pods)) {
            for (Path pod : files.toList()) {
                Files.writeString(pod, Files.readString(pod).replace("zookeeper: 3.8.4", "zookeeper: 3.9.5"));
            }
        }
        commit(repo, "zookeeper 3.9.5 everywhere");
        // cold: every changed pod through the mock engine at both revisions (a first CI run)
        Timing.Sample cold = Timing.time("diff: " + PODS + " changed pods, cold", root, repo, 3,
                "diff", "--base", "HEAD~1", "--head", "HEAD", "--output", "markdown", "--no-cache");
        // warm: the graphs cached by an earlier run (a re-pushed pull request, or CI's restored cache)
        Timing.Sample warm = Timing.time("diff: " + PODS + " changed pods, cached graphs", root, repo, 5,
                "diff", "--base", "HEAD~1", "--head", "HEAD", "--output", "markdown");
        System.out.println(cold.line(5.0));
        System.out.println(warm.line(5.0));
        for (Timing.Sample sample : new Timing.Sample[] {cold, warm}) {
            if (sample.exitCode() != 0) {
                throw new IllegalStateException(sample.label() + " exited " + sample.exitCode());
            }
        }
    }

    private static void commit(Path repo, String message) throws IOException, InterruptedException {
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=bench@podctl.invalid", "-c", "user.name=bench", "commit", "-q", "-m", message);
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed");
        }
    }
}
