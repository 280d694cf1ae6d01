package io.podctl.bench;

import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * validate time against file size, from 1 KiB to the per-file limit: one pod file grown by a long
 * label comment block and a long list, parsed and checked in-process (JVM start is the same for
 * every size, so it is left out). Linear parsing shows as a constant time per KiB.
 */
final class ValidateSizeBench {
    private ValidateSizeBench() {}

    static void run(Path root) throws Exception {
        System.out.println("== validate time vs file size (in-process, median of 9 after 20 warm-up runs)");
        String pod = Files.readString(root.resolve("pods/prd-pod-1.yaml"));
        Path dir = Files.createTempDirectory("podctl-bench-size");
        Path pods = Files.createDirectories(dir.resolve("pods"));
        Files.copy(root.resolve("pods/fleet.yaml"), pods.resolve("fleet.yaml"));
        for (int kib : List.of(1, 4, 16, 64, 128, 255)) {
            Path file = pods.resolve("prd-pod-1.yaml");
            Files.writeString(file, padded(pod, kib * 1024));
            long bytes = Files.size(file);
            double[] ms = new double[9];
            for (int i = -20; i < ms.length; i++) {
                long t0 = System.nanoTime();
                SpecSet set = SpecLoader.load(List.of(pods));
                double took = (System.nanoTime() - t0) / 1e6;
                if (set.hasErrors()) {
                    throw new IllegalStateException("padded pod does not validate: " + set.findings());
                }
                if (i >= 0) {
                    ms[i] = took;
                }
            }
            Arrays.sort(ms);
            System.out.printf("%7d bytes  median %8.2f ms  %6.3f ms/KiB%n", bytes, ms[4], ms[4] / (bytes / 1024.0));
        }
        Path over = pods.resolve("prd-pod-1.yaml");
        Files.writeString(over, padded(pod, SpecLoader.MAX_FILE_BYTES + 1024));
        long t0 = System.nanoTime();
        SpecSet refused = SpecLoader.load(List.of(pods));
        System.out.printf("%7d bytes  refused in %.2f ms: %s%n", Files.size(over), (System.nanoTime() - t0) / 1e6,
                refused.findings().get(0).message());
    }

    /** The pod with comment lines and a long label value until it is about {@code size} bytes. */
    static String padded(String pod, int size) {
        StringBuilder text = new StringBuilder(pod.replace("labels: {", "labels: {note: \"" + "n".repeat(200) + "\", "));
        while (text.length() < size - 80) {
            text.append("# ").append("padding ".repeat(9)).append('\n');
        }
        return text.toString();
    }
}
