package io.podctl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code podctl plan} as a whole process: spec loading, planning, rendering and one run of the
 * pod's Pulumi program under the in-process mock engine. Target: under 3 s each.
 */
final class PlanBench {
    private static final double TARGET_SECONDS = 3.0;
    private static final Pattern TOTAL = Pattern.compile("(?m)^  total\\s+(\\d+)$");

    private PlanBench() {}

    static void run(Path root) throws Exception {
        System.out.println("== plan (whole process, JVM start included; the mock engine runs the Pulumi program once)");
        for (String pod : List.of("prd-pod-1", "prd-pod-2", "not-prod-pod-1", "not-prod-pod-2")) {
            report(root, root, "plan: " + pod, pod);
        }
        Path scratch = Files.createTempDirectory("podctl-bench-plan");
        FleetGenerator.write(scratch, 4, 20);
        report(root, scratch, "plan: generated prod pod, 20 agent pools", "prd-pod-2");
    }

    private static void report(Path root, Path workDir, String label, String pod) throws Exception {
        int resources = resourceCount(root, workDir, pod);
        Timing.Sample sample = Timing.time(label, root, workDir, 5, "plan", pod);
        if (sample.exitCode() != 0) {
            throw new IllegalStateException(label + " exited " + sample.exitCode());
        }
        System.out.println(sample.line(TARGET_SECONDS) + "  " + resources + " resources");
    }

    /** One extra run whose output is kept: the "total" line of the resource counts. */
    private static int resourceCount(Path root, Path workDir, String pod) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(root.resolve("podctl").toString(), "plan", pod).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("podctl plan " + pod + " exited " + p.exitValue());
        }
        Matcher total = TOTAL.matcher(out);
        if (!total.find()) {
            throw new IllegalStateException("podctl plan " + pod + " printed no resource total");
        }
        return Integer.parseInt(total.group(1));
    }
}
