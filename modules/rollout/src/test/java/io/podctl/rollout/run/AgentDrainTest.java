package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Role;
import io.podctl.rollout.fakes.FakeMesosCluster;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.StepRecord;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.spec.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents against the fake masters' agents, maintenance and DRAIN_AGENT and Marathon's tasks:
 * one agent at a time, drained by its registered hostname and IP, replaced, and the next only
 * once the new agent registered and Marathon's tasks run again.
 */
class AgentDrainTest {

    @TempDir
    Path state;

    final List<String> progress = new ArrayList<>();
    final FakeClock clock = new FakeClock(RolloutExecutorTest.IN_WINDOW);
    SimulatedPod sim;
    Journal journal;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    Outcome run(Pod desired) throws Exception {
        journal = new Journal(new DirectoryStateStore(state), "test");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));
        RunOptions options = RolloutExecutorTest.PROD_ALONE.withStepEstimate(Duration.ofMinutes(1))
                .withDrainTimeout(Duration.ofSeconds(3));
        return new RolloutExecutor(sim, sim, journal, clock, options, progress::add).run(plan);
    }

    @Test
    void dedicatedPodDrainsEachAgentBeforeReplacingItAndLosesNoTask() throws Exception {
        sim = new SimulatedPod(false, "3.9.5", "1.11.0", "1.11.24", "1.10.0");
        Set<String> original = sim.cluster.agents().stream().map(FakeMesosCluster.Agent::id).collect(Collectors.toSet());
        FakeMesosCluster.Agent first = sim.cluster.agents().get(0);

        Outcome outcome = run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.cluster.tasksLost()).isZero();
        assertThat(sim.cluster.tasksKilledGracefully()).isGreaterThanOrEqualTo(12);
        assertThat(sim.cluster.violations()).isEmpty();
        assertThat(sim.cluster.agents()).hasSize(6).extracting(FakeMesosCluster.Agent::version).containsOnly("1.11.0");
        assertThat(sim.cluster.agents()).extracting(FakeMesosCluster.Agent::id).doesNotContainAnyElementsOf(original);
        // the window names the machine as the agent registered: hostname and IP
        assertThat(sim.cluster.events()).contains("schedule [{\"hostname\":\"" + first.hostname() + "\",\"ip\":\"" + first.ip() + "\"}]");
        assertOneAgentAtATime(sim.cluster.events());
        assertThat(journal.state().step("prd-pod-1/mesos-agent/agent-general-6/drain-replace@1.11.0").orElseThrow().status())
                .isEqualTo(StepRecord.StepStatus.DONE);
    }

    @Test
    void sharedPodToo() throws Exception {
        sim = new SimulatedPod(true, "3.8.4", "1.11.0", "1.11.24", "1.10.0");

        Outcome outcome = run(HostQuorumTest.sharedPod("3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.cluster.tasksLost()).isZero();
        assertThat(sim.cluster.violations()).isEmpty();
        assertThat(sim.fewestServing).containsEntry(Role.ZOOKEEPER, 2).containsEntry(Role.MESOS_MASTER, 2);
        assertOneAgentAtATime(sim.cluster.events());
    }

    @Test
    void inverseOffersAcceptedEndTheWaitBeforeTheTimeout() throws Exception {
        sim = new SimulatedPod(false, "3.9.5", "1.11.0", "1.11.24", "1.10.0");
        sim.cluster.marathonAcceptsInverseOffers();

        run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(progress).filteredOn(l -> l.contains("inverse offers accepted")).hasSize(6);
        assertThat(progress).noneMatch(l -> l.contains("drain timeout"));
    }

    @Test
    void mesosBefore19TakesTheMachineDownAfterTheDrainTimeout() throws Exception {
        sim = new SimulatedPod(false, "3.9.5", "1.8.0", "1.11.24", "1.8.0");

        Outcome outcome = run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.8.1", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.cluster.events()).filteredOn(e -> e.startsWith("down ")).hasSize(6);
        assertThat(sim.cluster.events()).noneMatch(e -> e.startsWith("drain "));
        assertThat(progress).anyMatch(l -> l.contains("has no DRAIN_AGENT"));
        assertThat(sim.cluster.violations()).isEmpty();
        assertThat(sim.cluster.agents()).extracting(FakeMesosCluster.Agent::version).containsOnly("1.8.1");
    }

    @Test
    void anAuthenticatingMasterDrainsWithTheOperatorCredentialAndHaltsTheStepWithoutIt() throws Exception {
        sim = new SimulatedPod(false, "3.9.5", "1.11.0", "1.11.24", "1.10.0");
        for (int i = 0; i < 3; i++) {
            sim.masters.master(i).requireCredentials("podctl-operator:right-one");
        }
        List<String> original = sim.cluster.agents().stream().map(FakeMesosCluster.Agent::id).toList();
        sim.operator = new io.podctl.rollout.health.HttpCredentials("podctl-operator", "wrong-one");
        java.time.Instant started = clock.now();

        Outcome refused = run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(refused).isInstanceOf(Outcome.Halted.class);
        // a refused credential cannot get better by waiting: halted at the first answer, not at the gate's timeout
        assertThat(Duration.between(started, clock.now())).isLessThan(RolloutExecutorTest.PROD_ALONE.gates().timeout());
        assertThat(((Outcome.Halted) refused).reason()).contains("pod prd-pod-1: the Mesos master 127.0.0.1:",
                "refused GET_AGENTS with 401 Unauthorized; secret mesosOperatorCredential must name a principal:secret "
                        + "that the masters' mesosCredentials list");
        assertThat(String.join("\n", progress) + refused).doesNotContain("wrong-one", "right-one");
        assertThat(sim.cluster.events()).noneMatch(e -> e.startsWith("schedule") || e.startsWith("drain") || e.startsWith("down"));
        assertThat(sim.cluster.agents()).extracting(FakeMesosCluster.Agent::id).containsExactlyElementsOf(original);

        sim.operator = new io.podctl.rollout.health.HttpCredentials("podctl-operator", "right-one");
        Outcome drained = run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(drained).as(String.join("\n", progress)).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.cluster.agents()).hasSize(6).extracting(FakeMesosCluster.Agent::version).containsOnly("1.11.0");
    }

    @Test
    void aPoolThatIsNotSettledIsNotTouched() throws Exception {
        sim = new SimulatedPod(false, "3.9.5", "1.11.0", "1.11.24", "1.10.0");
        sim.cluster.replaceInstance(sim.cluster.agents().get(2).ip(), "1.10.0"); // an agent replaced outside the rollout
        sim.cluster.app("/stuck", 1); // and a task Marathon has not placed yet: staged
        progress.clear();

        Outcome outcome = run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1)); // staged tasks start after two reads
        assertThat(sim.cluster.violations()).isEmpty();
        assertOneAgentAtATime(sim.cluster.events());
    }

    /** Between taking one agent down and the next, its replacement registered. */
    private static void assertOneAgentAtATime(List<String> events) {
        List<String> all = events.stream().filter(e -> e.startsWith("drain ") || e.startsWith("down ") || e.startsWith("registered "))
                .toList();
        int firstDown = 0;
        while (firstDown < all.size() && all.get(firstDown).startsWith("registered ")) {
            firstDown++;
        }
        List<String> lifecycle = all.subList(firstDown, all.size());
        assertThat(lifecycle).isNotEmpty();
        int downs = 0;
        int registered = 0;
        for (String event : lifecycle) {
            if (event.startsWith("registered ")) {
                registered++;
            } else {
                downs++;
            }
            assertThat(downs - registered).as("agents down at once after " + event + " in " + lifecycle).isBetween(0, 1);
        }
    }
}
