package io.podctl.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Times whole podctl processes (JVM start included), as a user at a terminal would feel them. */
final class Timing {
    private Timing() {}

    record Sample(String label, double[] seconds, int exitCode) {
        double median() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        double min() {
            return Arrays.stream(seconds).min().orElse(0);
        }

        double max() {
            return Arrays.stream(seconds).max().orElse(0);
        }

        String line(double targetSeconds) {
            String verdict = median() <= targetSeconds ? "ok" : "OVER TARGET";
            return String.format("%-44s median %6.3f s  min %6.3f  max %6.3f  runs %d  target < %.1f s  %s",
                    label, median(), min(), max(), seconds.length, targetSeconds, verdict);
        }
    }

    /** Runs the launcher ({@code ./podctl}, so AppCDS applies as for a user) {@code runs} times after one warm-up. */
    static Sample time(String label, Path root, Path workDir, int runs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("podctl").toString());
        command.addAll(List.of(args));
        run(command, workDir); // warm-up: page cache, CDS archive
        double[] seconds = new double[runs];
        int exit = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            exit = run(command, workDir);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return new Sample(label, seconds, exit);
    }

    private static int run(List<String> command, Path workDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .start();
        return p.waitFor();
    }
}
