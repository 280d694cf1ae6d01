package io.podctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Generated broken pod specs and argument lists, run through podctl in-process: never a stack
 * trace, a broken spec is exit 2 with FILE:LINE:COLUMN, a secret written into the input is never
 * printed, and each run is quick.
 */
class HostileInputPropertiesTest {

    static final String POD = """
            apiVersion: podctl/v1
            kind: Pod
            metadata:
              name: prd-pod-1
              labels: {team: platform}
            spec:
              tier: prod
              region: us-west-2
              zones: [us-west-2a, us-west-2b, us-west-2c]
              placement: stripe
              colocation: dedicated
              network:
                vpcCidr: 10.10.0.0/16
              image:
                ami: ami-0123456789abcdef0
              versions:
                zookeeper: 3.8.4
                mesos: 1.11.0
                marathon: 1.11.24
              masters:
                instanceType: m5.large
                dataVolumeGiB: 50
              agents:
                - name: general
                  instanceType: c5.2xlarge
                  count: 6
                  attributes: {workload: general}
              access:
                adminCidrs: [10.0.0.0/8]
              secrets:
                marathonHttpCredentials: ssm:/pods/prd-pod-1/marathon/http-credentials
              rollout:
                wave: 3
                soak: 24h
                window: {days: [Sat, Sun], start: "02:00", end: "06:00", timeZone: UTC}
            """;
    static final Pattern FINDING = Pattern.compile("^\\S+:\\d+:\\d+: (error|warning): .*");
    static final long BOUND_MS = 5_000;

    record Run(int code, String out, String err, long millis) {
        String all() {
            return out + err;
        }
    }

    static Run podctl(Path cwd, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** One fault that makes the pod invalid wherever it lands, and a secret hidden in the text. */
    record Broken(String text, String secret, String fault) {
    }

    @Provide
    Arbitrary<Broken> brokenPods() {
        // a prefix no junk value has, so a hit is the secret and not a coincidence
        Arbitrary<String> secret = Arbitraries.strings().withChars("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789").ofLength(20)
                .map(s -> "Zq" + s);
        Arbitrary<Integer> fault = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
        Arbitrary<String> junk = Arbitraries.of("99999999999999999999", "0x1F", "03.08", "''", "-1", "[unclosed", "{a: ", "\"\\x\"",
                "*alias", "&anchor x", "!!binary AAAA", "\u0000", "\u001b[2J", "1:30", ".inf", "~", "- a", "a: b: c");
        return Combinators.combine(secret, fault, where, junk).as((s, f, w, j) -> broken(s, f, w, j));
    }

    static Broken broken(String secret, int fault, int where, String junk) {
        String withSecret = POD.replace("  labels: {team: platform}\n", "  labels: {team: platform, dbPassword: " + secret + "}\n");
        List<String> lines = new ArrayList<>(List.of(withSecret.split("\n", -1)));
        String[] numeric = {"count: 6", "dataVolumeGiB: 50", "wave: 3", "vpcCidr: 10.10.0.0/16", "zookeeper: 3.8.4", "ami: ami-0123456789abcdef0"};
        String text = switch (fault) {
            case 0 -> withSecret.substring(0, 40 + where % (withSecret.length() * 6 / 10)); // truncated: required fields missing
            case 1 -> { // a value replaced with junk
                String target = numeric[where % numeric.length];
                yield withSecret.replace(target, target.substring(0, target.indexOf(':') + 1) + " " + junk);
            }
            case 2 -> { // an anchor on a value
                int i = 6 + where % 20;
                String line = lines.get(i);
                lines.set(i, line.contains(": ") ? line.replaceFirst(": ", ": &a ") : line + " # &a");
                yield String.join("\n", lines).contains("&a") ? String.join("\n", lines) : withSecret + "x: &a 1\n";
            }
            case 3 -> withSecret.replace("team: platform", "team: platform, token: " + secret + "x"); // a literal credential
            case 4 -> withSecret.replace("  tier: prod\n", "  tier: prod\n  tier: not-prod\n"); // duplicate key
            case 5 -> { // a line indented with a tab
                int i = 7 + where % 20;
                lines.set(i, "\t" + lines.get(i).strip());
                yield String.join("\n", lines);
            }
            case 6 -> withSecret.replace("  placement: stripe\n", "  placment: stripe\n"); // unknown field, missing one
            default -> withSecret.replace("  secrets:\n", "  secrets:\n    db: " + secret + "\n"); // a literal in spec.secrets
        };
        return new Broken(text, secret, "fault " + fault + " junk " + junk);
    }

    @Property(tries = 200)
    void brokenSpecIsExitTwoWithAPositionAndNoSecret(@ForAll("brokenPods") Broken pod) throws Exception {
        Path dir = Files.createTempDirectory("hostile");
        try {
            Path file = Files.createDirectories(dir.resolve("pods")).resolve("prd-pod-1.yaml");
            Files.writeString(file, pod.text());

            Run run = podctl(dir, List.of("validate", file.toString()));

            assertThat(run.code()).as(pod.fault() + "\n" + run.all()).isEqualTo(2);
            assertThat(run.out().lines().filter(l -> l.contains(": error: ")).toList()).as(pod.fault()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith(file + ":").matches(FINDING));
            assertThat(run.all()).as(pod.fault()).doesNotContain(pod.secret()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.millis()).as(pod.fault()).isLessThan(BOUND_MS);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<List<String>, String>> argumentLists() {
        Arbitrary<String> secret = Arbitraries.strings().withChars("abcdefghjkmnpqrstuvwxyz23456789").ofLength(24).map(s -> "S3" + s);
        Arbitrary<List<String>> command = Arbitraries.of(
                List.of("validate"), List.of("validate", "--output"), List.of("secrets", "put", "prd-pod-1", "marathon/http"),
                List.of("secrets", "put"), List.of("rollout", "status", "--local"), List.of("rollout", "plan", "--local"),
                List.of("rollout", "reset"), List.of("rollout", "pause", "--state-dir"), List.of("completion"), List.of("help"),
                List.of("destroy"), List.of("up"), List.of("nonsense"), List.of("rollout", "run", "--gate-timeout"));
        Arbitrary<List<String>> tail = Arbitraries.of("--yes", "--debug", "--strict", "-o", "json", "--pods", "/nonexistent",
                "--gate-passes", "-5", "--max-pods", "99999999999999999999", "--", "-", "", "\u0000", "--backend", "ftp://x",
                "--local", "missing.json", "--output", "xml").list().ofMaxSize(5);
        return Combinators.combine(command, tail, secret, Arbitraries.integers().between(0, 5)).as((c, t, s, at) -> {
            List<String> args = new ArrayList<>(c);
            args.addAll(t);
            boolean putsSecret = c.size() >= 2 && c.get(0).equals("secrets") && c.get(1).equals("put");
            // secrets put always gets the secret as an extra argument, so it is refused before it reads stdin or AWS
            args.add(putsSecret ? args.size() : Math.min(at, args.size()), s);
            if (putsSecret && args.size() < 5) {
                args.add(s);
            }
            return Tuple.of(List.copyOf(args), s);
        });
    }

    @Property(tries = 200)
    void argumentListsNeverCrashAndNeverEchoASecretToSecretsPut(@ForAll("argumentLists") Tuple.Tuple2<List<String>, String> input) throws Exception {
        Path dir = Files.createTempDirectory("hostile-args");
        List<String> args = input.get1();
        Run run = podctl(dir, args);

        assertThat(run.all()).as(args.toString()).doesNotContain("\tat ").doesNotContain("podctl: unexpected error");
        assertThat(run.code()).as(args + "\n" + run.all()).isIn(0, 2, 3);
        if (args.get(0).equals("secrets")) {
            assertThat(run.all()).as(args.toString()).doesNotContain(input.get2());
        }
        assertThat(run.millis()).as(args.toString()).isLessThan(BOUND_MS);
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}
