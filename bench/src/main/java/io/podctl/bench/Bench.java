package io.podctl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark command (scripts/bench [suite...]): whole-process timings with medians.
 * Suites: validate, validate-size (time vs file size up to the limit), plan, diff (50 changed pods), rollout (ZooKeeper
 * rolling upgrade: podctl against a restart script), chaos (SIGKILL at random points of a 3-pod local rollout),
 * faults (real network faults on real ZooKeeper in the middle of a local rollout),
 * engine (up and preview on the real Pulumi engine against moto), quorum (whole simulated upgrades of a shared and a
 * dedicated pod), user-data (sizes per host against EC2's limit; scripts/bench boot boots the VMs). Figures vary by roughly +-10% run to run on the 2-core machine.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("podctl.root", ".")).toAbsolutePath().normalize();
        List<String> suites = args.length == 0 ? List.of("validate") : List.of(args);
        System.out.printf("podctl benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (String suite : suites) {
            switch (suite) {
                case "validate" -> validate(root);
                case "plan" -> PlanBench.run(root);
                case "rollout" -> RolloutBench.run(root);
                case "diff" -> DiffBench.run(root);
                case "engine" -> EngineBench.run(root);
                case "quorum" -> io.podctl.rollout.run.QuorumBench.run(root);
                case "validate-size" -> ValidateSizeBench.run(root);
                case "chaos" -> ChaosBench.run(root);
                case "faults" -> faults(root);
                case "user-data" -> UserDataSizeBench.run(root);
                default -> throw new IllegalArgumentException("unknown suite " + suite
                        + " (validate, validate-size, plan, diff, rollout, chaos, faults, engine, quorum, user-data;"
                        + " boot is run by scripts/bench)");
            }
        }
    }

    /** The network-fault tests' figures: per fault, how the rollout ended and the fewest serving members. */
    static void faults(Path root) throws Exception {
        System.out.println("== faults: a follower partitioned, the leader's links dropped, a restarting node's sync delayed,"
                + " each in the middle of a local rollout of real ZooKeeper");
        ChaosBench.testFigures(root, "NetworkFaultRolloutTest", List.of(), List.of("fault figures:"));
    }

    static void validate(Path root) throws Exception {
        System.out.println("== validate (whole process, JVM start included)");
        List<Timing.Sample> samples = new ArrayList<>();
        samples.add(Timing.time("validate: 4 example pods", root, root, 9, "validate"));
        Path scratch = Files.createTempDirectory("podctl-bench");
        FleetGenerator.write(scratch, 500, 2);
        samples.add(Timing.time("validate: 500 generated pods", root, scratch, 5, "validate"));
        System.out.println(samples.get(0).line(0.8));
        System.out.println(samples.get(1).line(3.0));
        for (Timing.Sample s : samples) {
            if (s.exitCode() != 0) {
                throw new IllegalStateException(s.label() + " exited " + s.exitCode());
            }
        }
    }
}
