package io.podctl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * podctl on the real engine against moto (scripts/install-pulumi and scripts/test-deps first):
 * `up` of a not-prod and a prod pod from nothing, and a no-change `preview` of the prod pod.
 *
 * <p>podctl's own share is read from the output as it streams: from the process start to the
 * engine's first event (a progress line), and from the last event to the process exit. `up`
 * previews first, so its first event is the preview's.
 */
final class EngineBench {

    private static final Pattern SUMMARY = Pattern.compile("^summary: (.*) \\((\\d+)s\\)$");

    private EngineBench() {}

    static void run(Path root) throws Exception {
        System.out.println("== engine (real Pulumi CLI and bridged aws provider, every AWS call in moto)");
        Path bin = root.resolve(".tools/pulumi/bin");
        if (!Files.isExecutable(bin.resolve("pulumi"))) {
            throw new IllegalStateException("no " + bin.resolve("pulumi") + ": run scripts/install-pulumi first");
        }
        Process moto = startMoto(root);
        try {
            String endpoint = "http://127.0.0.1:" + motoPort;
            Path dir = Files.createTempDirectory("podctl-bench-engine");
            copyFleet(root, dir, ami(endpoint));
            Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "PODCTL_PASSPHRASE", "bench",
                    "AWS_ACCESS_KEY_ID", "AKIAPODCTLBENCH", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_REGION", "us-west-2",
                    "AWS_ENDPOINT_URL", endpoint, "PULUMI_SKIP_UPDATE_CHECK", "true");
            report("up not-prod-pod-1 (from nothing)", run(root, dir, env, "up", "not-prod-pod-1", "--yes"));
            report("up prd-pod-1 (from nothing)", run(root, dir, env, "up", "prd-pod-1", "--yes"));
            List<Double> previews = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Run preview = run(root, dir, env, "preview", "prd-pod-1");
                previews.add(preview.wall());
                if (i == 0) {
                    report("preview prd-pod-1 (no change)", preview);
                }
            }
            double[] sorted = previews.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-44s median %6.1f s  runs %d  target <= 10 s  %s%n", "preview prd-pod-1, no change",
                    sorted[1], sorted.length, sorted[1] <= 10 ? "ok" : "OVER TARGET");
            breakdown(root, dir, env, bin);
        } finally {
            moto.destroy();
        }
    }

    /**
     * One more no-change preview with every pulumi process timed (a PATH shim in front of the CLI)
     * and the engine's own log: where the seconds go, podctl's share against the engine's, and in
     * the engine its start (up to the aws provider's CheckConfig answer) against the resources' steps.
     */
    private static void breakdown(Path root, Path dir, Map<String, String> env, Path bin) throws Exception {
        Path shim = Files.createDirectories(dir.resolve("shim"));
        Path calls = shim.resolve("calls.log");
        Path engineLog = shim.resolve("engine.log");
        Files.writeString(shim.resolve("pulumi"), String.join("\n",
                "#!/bin/bash",
                "start=$(date +%s.%N)",
                "if [ \"$1\" = preview ]; then \"" + bin.resolve("pulumi") + "\" \"$@\" --logtostderr -v=7 2> \"" + engineLog + "\";",
                "else \"" + bin.resolve("pulumi") + "\" \"$@\"; fi",
                "rc=$?",
                "echo \"$start $(date +%s.%N) $1\" >> \"" + calls + "\"",
                "exit $rc", ""));
        shim.resolve("pulumi").toFile().setExecutable(true);
        Map<String, String> shimmed = new java.util.HashMap<>(env);
        shimmed.put("PATH", shim + ":" + env.get("PATH"));
        double started = System.currentTimeMillis() / 1000.0;
        Run run = run(root, dir, shimmed, "preview", "prd-pod-1");
        double ended = started + run.wall();
        double previewStart = 0;
        double previewEnd = 0;
        double others = 0;
        int otherCalls = 0;
        for (String line : Files.readAllLines(calls)) {
            String[] f = line.split(" ");
            double from = Double.parseDouble(f[0]);
            double to = Double.parseDouble(f[1]);
            if (f.length > 2 && f[2].equals("preview")) {
                previewStart = from;
                previewEnd = to;
            } else {
                others += to - from;
                otherCalls++;
            }
        }
        double preview = previewEnd - previewStart;
        double before = previewStart - started;
        double after = ended - previewEnd;
        double providerStart = engineSeconds(engineLog, "CheckConfig(", "success");
        System.out.printf("%-44s wall %6.1f s = podctl before the engine %.1f s (%d other pulumi calls %.1f s of it) + pulumi preview %.1f s"
                        + " (the engine, the program and the aws provider starting, to the provider's CheckConfig answer, %.1f s;"
                        + " the resources' steps %.1f s; with the engine's log on, so slower) + podctl after it %.2f s%n",
                "where a no-change preview's time goes", run.wall(), before, otherCalls, others, preview,
                providerStart, preview - providerStart, after);
    }

    /** Seconds from the engine log's first line to the first line holding both markers; 0 when none does. */
    private static double engineSeconds(Path log, String marker, String outcome) throws IOException {
        Pattern time = Pattern.compile("\"time\":\"[^T]*T(\\d+):(\\d+):([\\d.]+)Z\"");
        Double first = null;
        for (String line : Files.readAllLines(log)) {
            Matcher m = time.matcher(line);
            if (!m.find()) {
                continue;
            }
            double t = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
            first = first == null ? t : first;
            if (line.contains(marker) && line.contains(outcome)) {
                return t - first;
            }
        }
        return 0;
    }

    record Run(double wall, double toFirstEvent, double afterLastEvent, int resources, int exitCode) {}

    private static void report(String label, Run r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(label + " exited " + r.exitCode());
        }
        double engine = r.wall() - r.toFirstEvent() - r.afterLastEvent();
        System.out.printf("%-44s wall %6.1f s  %4d resources  %5.2f resources/s  podctl's share: %.2f s to the first event,"
                        + " %.2f s after the last (%s)%n", label, r.wall(), r.resources(), r.resources() / Math.max(engine, 0.001),
                r.toFirstEvent(), r.afterLastEvent(), r.toFirstEvent() + r.afterLastEvent() < 1.0 ? "< 1 s: ok" : "over 1 s");
    }

    /** One podctl process, its stdout read as it comes to time the engine's first and last events. */
    private static Run run(Path root, Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        // the launcher users run: C1 only and the AppCDS archive it trains (scripts/bench runs it once first)
        List<String> command = new ArrayList<>(List.of(root.resolve("podctl").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        long first = 0;
        long last = 0;
        int resources = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                boolean event = line.startsWith("  ") || line.startsWith("summary:");
                if (event) {
                    long now = System.nanoTime();
                    first = first == 0 ? now : first;
                    last = now;
                }
                Matcher m = SUMMARY.matcher(line);
                if (m.matches()) {
                    resources = count(m.group(1));
                }
            }
        }
        int exit = p.waitFor();
        long end = System.nanoTime();
        first = first == 0 ? end : first;
        last = last == 0 ? end : last;
        return new Run((end - start) / 1e9, (first - start) / 1e9, (end - last) / 1e9, resources, exit);
    }

    /** "63 create, 2 same" -> 63: the resources the last operation changed. */
    private static int count(String summary) {
        int n = 0;
        for (String part : summary.split(", ")) {
            String[] words = part.split(" ");
            if (words.length == 2 && !words[1].equals("same")) {
                n += Integer.parseInt(words[0]);
            }
        }
        return n;
    }

    private static int motoPort;

    private static Process startMoto(Path root) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            motoPort = s.getLocalPort();
        }
        String bootstrap = Files.readString(root.resolve("modules/aws/src/test/resources/io/podctl/aws/moto-server.py"));
        Process moto = new ProcessBuilder(root.resolve(".venv/bin/python").toString(), "-c", bootstrap, "-p", String.valueOf(motoPort))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + motoPort + "/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return moto;
                }
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        moto.destroy();
        throw new IllegalStateException("moto did not start (run scripts/test-deps)");
    }

    /** An image id moto knows, found the way the tests find it (the fleet's AMI is a placeholder). */
    private static String ami(String endpoint) throws Exception {
        var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "/?Action=DescribeImages&Owner.1=amazon&Version=2016-11-15"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAPODCTLBENCH/20260101/us-west-2/ec2/aws4_request, SignedHeaders=host, Signature=0")
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("<imageId>(ami-[0-9a-f]+)</imageId>").matcher(reply.body());
        if (!m.find()) {
            throw new IllegalStateException("moto lists no amazon image");
        }
        return m.group(1);
    }

    private static void copyFleet(Path root, Path dir, String ami) throws IOException {
        Path pods = Files.createDirectories(dir.resolve("pods"));
        try (var files = Files.list(root.resolve("pods"))) {
            for (Path f : files.toList()) {
                Files.writeString(pods.resolve(f.getFileName()), Files.readString(f).replace("ami-0123456789abcdef0", ami));
            }
        }
    }
}
