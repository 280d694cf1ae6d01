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
        testFigures(root, "ChaosRolloutTest", List.of("-Dpodctl.chaos.seed=" + seed, "-Dpodctl.chaos.kills=" + kills),
                List.of("chaos figures:", "kill points:"));
    }

    /** Runs one test class of the tests module and prints its lines that start with one of {@code prefixes}, and failures. */
    static void testFigures(Path root, String testClass, List<String> properties, List<String> prefixes) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-ntp", "-q", "-o", "-pl", "tests", "test",
                "-Dtest=" + testClass, "-Dsurefire.failIfNoSpecifiedTests=false"));
        command.addAll(properties);
        Process mvn = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(mvn.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().filter(l -> prefixes.stream().anyMatch(l::startsWith) || l.contains("FAIL"))
                    .forEach(System.out::println);
        }
        int exit = mvn.waitFor();
        System.out.println(exit == 0 ? testClass + " passed" : testClass + " FAILED (exit " + exit + ")");
    }
}
