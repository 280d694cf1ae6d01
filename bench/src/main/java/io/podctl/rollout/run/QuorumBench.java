package io.podctl.rollout.run;

import io.podctl.plan.Role;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.StepRecord;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The quorum suite: a whole upgrade (ZooKeeper 3.8.4 -> 3.9.5, Mesos 1.10 -> 1.11, Marathon
 * 1.10 -> 1.11, six agents) of a shared and a dedicated pod, run by the real executor against the
 * simulated pod (the fixture-based Mesos/Marathon fakes, agents with hostnames, IPs and ids,
 * DRAIN_AGENT, Marathon tasks). It lives in the rollout's package to use the test-jar's
 * simulated pod. Time is the fake clock's: a step's floor is the least its gate can take
 * ((passes - 1) x interval), plus the drain timeout for an agent whose inverse offers go
 * unanswered (Marathon does not answer them).
 */
public final class QuorumBench {

    private static final Instant IN_WINDOW = Instant.parse("2025-06-07T03:00:00Z");
    private static final GatePolicy GATES = new GatePolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 2);
    private static final Duration DRAIN = Duration.ofMinutes(2);
    private static final int RUNS = 3;

    private QuorumBench() {
    }

    public static void run(Path root) throws Exception {
        System.setProperty("podctl.root", root.toString());
        System.out.println("== quorum (whole simulated upgrades, medians of " + RUNS + " runs)");
        for (boolean shared : List.of(true, false)) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                results.add(once(shared));
            }
            Result r = results.get(0);
            System.out.printf("%-9s fewest serving: zookeeper %d/3, mesos-master %d/3, marathon %d/3 (quorum 2, 2, 1)%n",
                    shared ? "shared" : "dedicated", r.fewest.get(Role.ZOOKEEPER), r.fewest.get(Role.MESOS_MASTER), r.fewest.get(Role.MARATHON));
            System.out.printf("%-9s agents: %d steps, tasks lost per step %.2f, killed gracefully %d, taken down while another was not serving: %d%n",
                    "", r.agentSteps, r.lost / (double) r.agentSteps, r.killed, r.violations);
            System.out.printf("%-9s steps %d, simulated total median %.0f s, sum of floors %.0f s, ratio %.2f; wall median %.2f s%n", "",
                    r.steps, median(results, x -> x.total), r.floors, median(results, x -> x.total) / r.floors, median(results, x -> x.wall));
        }
    }

    private record Result(Map<Role, Integer> fewest, int agentSteps, int lost, int killed, int violations, int steps, double total,
                          double floors, double wall) {
    }

    private static Result once(boolean shared) throws Exception {
        long started = System.nanoTime();
        Path state = Files.createTempDirectory("podctl-quorum-bench");
        try (SimulatedPod sim = new SimulatedPod(shared, "3.8.4", "1.10.0", "1.10.0", "1.10.0")) {
            String name = shared ? "not-prod-pod-1" : "prd-pod-1";
            String text = shared ? SpecFixtures.notProdPod(name, "us-west-2a", "10.20.0.0/20") : SpecFixtures.prodPod(name);
            Pod desired = SpecFixtures.pod(name, text.replace("zookeeper: 3.8.4", "zookeeper: 3.9.5"));
            RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(name, sim.deployed(null)));
            FakeClock clock = new FakeClock(IN_WINDOW);
            Journal journal = new Journal(new DirectoryStateStore(state), "bench");
            RunOptions options = RunOptions.DEFAULT.withGates(GATES).withStepEstimate(Duration.ofMinutes(1)).withDrainTimeout(DRAIN)
                    .withProdFirst(true); // one pod measured alone
            Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, options, line -> { }).run(plan);
            if (!(outcome instanceof Outcome.Finished)) {
                throw new IllegalStateException(name + ": " + outcome.describe());
            }
            List<StepRecord> steps = journal.state().steps();
            int agentSteps = (int) steps.stream().filter(s -> s.action().equals(AgentDrains.REPLACE)).count();
            Duration gateFloor = GATES.interval().multipliedBy(GATES.passes() - 1);
            // every journaled step's gate, the 3 before-start gates and each agent's settled check before it
            Duration floors = gateFloor.multipliedBy(steps.size() + 3 + agentSteps).plus(DRAIN.multipliedBy(agentSteps));
            return new Result(Map.copyOf(sim.fewestServing), agentSteps, sim.cluster.tasksLost(), sim.cluster.tasksKilledGracefully(),
                    sim.cluster.violations().size(), steps.size(), Duration.between(IN_WINDOW, clock.now()).toMillis() / 1000.0,
                    floors.toMillis() / 1000.0, (System.nanoTime() - started) / 1e9);
        }
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }
}
