package io.podctl.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The chaos figures: runs tests' ChaosRolloutTest (SIGKILL of podctl at seeded random points of
 * a 3-pod local rollout, resumed each time) with 0 kills (the uninterrupted baseline) and with
 * the chosen count, and prints each figures line.
 */
final class ChaosBench {
    private ChaosBench() {}

    static void run(Path root) throws Exception {
        System.out.println("== chaos: SIGKILL at seeded random points of a 3-pod local rollout, resumed each time");
        String seed = System.getProperty("podctl.chaos.seed", "20261203");
        for (String kills : List.of("0", System.getProperty("podctl.chaos.kills", "20"))) {
            runTest(root, seed, kills);
        }
    }

    private static void runTest(Path root, String seed, String kills) throws Exception {
        Process mvn = new ProcessBuilder(List.of("mvn", "-B", "-ntp", "-q", "-o", "-pl", "tests", "test", "-Dtest=ChaosRolloutTest",
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Dpodctl.chaos.seed=" + seed, "-Dpodctl.chaos.kills=" + kills))
                .directory(root.toFile()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(mvn.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().filter(l -> l.startsWith("chaos figures:") || l.startsWith("kill points:") || l.contains("FAIL"))
                    .forEach(System.out::println);
        }
        int exit = mvn.waitFor();
        System.out.println(exit == 0 ? "chaos test passed" : "chaos test FAILED (exit " + exit + ")");
    }
}
