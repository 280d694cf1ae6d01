package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Role;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No step of a whole upgrade leaves an ensemble below its quorum, in shared and dedicated pods. */
class HostQuorumTest {

    @TempDir
    Path state;

    final List<String> progress = new ArrayList<>();
    final FakeClock clock = new FakeClock(RolloutExecutorTest.IN_WINDOW);
    SimulatedPod sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    static Pod sharedPod(String zookeeper, String mesos, String marathon) {
        return SpecFixtures.pod("not-prod-pod-1", SpecFixtures.notProdPod("not-prod-pod-1", "us-west-2a", "10.20.0.0/20")
                .replace("zookeeper: 3.8.4", "zookeeper: " + zookeeper)
                .replace("mesos: 1.11.0", "mesos: " + mesos)
                .replace("marathon: 1.11.24", "marathon: " + marathon));
    }

    Outcome run(Pod desired) throws Exception {
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));
        RunOptions options = RolloutExecutorTest.PROD_ALONE.withStepEstimate(Duration.ofMinutes(1))
                .withDrainTimeout(Duration.ofSeconds(2));
        return new RolloutExecutor(sim, sim, new Journal(new DirectoryStateStore(state), "test"), clock, options, progress::add).run(plan);
    }

    @Test
    void sharedHostIsUpgradedOnceForAllItsRolesAndMarathonStopsAreProcessStops() throws Exception {
        sim = new SimulatedPod(true, "3.8.4", "1.10.0", "1.10.0");

        Outcome outcome = run(sharedPod("3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.calls.stream().filter(c -> !c.startsWith("replace agent"))).containsExactly(
                "backup zookeeper",                                         // Marathon's state, first
                "stop marathon on control-2", "stop marathon on control-3", // Marathon processes, not hosts
                "upgrade-host control-2",                                   // one new Marathon, standby of the old leader
                "stop marathon on control-1",                               // the last old one: control-2 takes over
                "upgrade-host control-3",                                   // leads nothing
                "upgrade-host control-1");                                  // led ZooKeeper and Mesos: last
        assertThat(sim.fewestServing).containsEntry(Role.ZOOKEEPER, 2).containsEntry(Role.MESOS_MASTER, 2);
        assertThat(sim.elections).containsEntry(Role.ZOOKEEPER, 1).containsEntry(Role.MESOS_MASTER, 1);
        assertThat(sim.versions).containsEntry("zookeeper@control-1", "3.9.5").containsEntry("mesos-master@control-3", "1.11.0")
                .containsEntry("marathon@control-2", "1.11.24");
    }

    @Test
    void sharedPodWithoutMarathonChangeMovesHostsLeadersLast() throws Exception {
        sim = new SimulatedPod(true, "3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "control-2").leader(Role.MESOS_MASTER, "control-2");

        Outcome outcome = run(sharedPod("3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.calls).containsExactly("upgrade-host control-3", "upgrade-host control-1", "upgrade-host control-2"); // agents unchanged
        assertThat(sim.fewestServing).containsEntry(Role.ZOOKEEPER, 2).containsEntry(Role.MESOS_MASTER, 2).containsEntry(Role.MARATHON, 2);
    }

    @Test
    void sharedHostGateChecksTheRolesTheStageDidNotChange() throws Exception {
        sim = new SimulatedPod(true, "3.8.4", "1.11.0", "1.11.24");
        sim.broken.add("mesos-master@control-3"); // its master does not come back after the ZooKeeper change

        Outcome outcome = run(sharedPod("3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("control-3").contains("mesos-master");
        assertThat(sim.calls).containsExactly("upgrade-host control-2", "upgrade-host control-3");
    }

    @Test
    void sharedHostWhoseGateFailsKeepsItsRecordedVersionsAndSaysWhatItRuns() throws Exception {
        sim = new SimulatedPod(true, "3.8.4", "1.11.0", "1.11.24");
        sim.stale.add("zookeeper@control-3"); // its host comes back still running ZooKeeper 3.8.4
        Journal journal = new Journal(new DirectoryStateStore(state), "test");
        Pod desired = sharedPod("3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, RolloutExecutorTest.PROD_ALONE,
                progress::add).run(plan);

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(sim.calls).containsExactly("upgrade-host control-2", "upgrade-host control-3");
        var failed = journal.state().steps().get(1);
        assertThat(failed.node()).isEqualTo("control-3");
        assertThat(failed.status()).isEqualTo(io.podctl.rollout.journal.StepRecord.StepStatus.FAILED);
        assertThat(failed.detail()).startsWith("failed at step 2, running version 3.8.4: ");
        assertThat(sim.confirmedRoles).as("every role of the host that passed, none of the one that failed")
                .containsOnly(Map.entry("zookeeper@control-2", "3.9.5"), Map.entry("mesos-master@control-2", "1.11.0"),
                        Map.entry("marathon@control-2", "1.11.24"));
    }

    @Test
    void sharedHostIsNotTouchedWhileAnotherMemberOfItsQuorumIsOut() throws Exception {
        sim = new SimulatedPod(true, "3.8.4", "1.11.0", "1.11.24");
        Journal journal = new Journal(new DirectoryStateStore(state), "test");
        Pod desired = sharedPod("3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));
        NodeDriver partitioning = new NodeDriver() {
            @Override
            public Map<String, io.podctl.plan.NodeVersions> deployed(io.podctl.plan.PodPlan pod) {
                return sim.deployed(pod);
            }

            @Override
            public void upgrade(io.podctl.plan.PodPlan pod, String node, Role role, String version) throws DriverException {
                sim.upgrade(pod, node, role, version);
            }

            @Override
            public void upgradeHost(io.podctl.plan.PodPlan pod, String node, io.podctl.plan.NodeVersions target) throws DriverException {
                sim.upgradeHost(pod, node, target);
            }

            @Override
            public void stop(io.podctl.plan.PodPlan pod, String node, Role role) {
                sim.stop(pod, node, role);
            }

            @Override
            public void confirm(io.podctl.plan.PodPlan pod, String node, Role role, String version) {
                sim.confirm(pod, node, role, version);
                if (node.equals("control-2") && role == Role.ZOOKEEPER) {
                    // control-1's server drops out of the ensemble (a partition) right after control-2's gate passed
                    sim.stop(pod, "control-1", Role.ZOOKEEPER);
                    sim.calls.remove(sim.calls.size() - 1);
                }
            }
        };

        Outcome outcome = new RolloutExecutor(partitioning, sim, journal, clock,
                RunOptions.DEFAULT.withProdFirst(true).withGates(new io.podctl.rollout.run.GatePolicy(java.time.Duration.ofMillis(250),
                        java.time.Duration.ofSeconds(5), 2)), progress::add).run(plan);

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("not touching control-3").contains("2 of 3 ZooKeeper servers serving");
        assertThat(sim.calls).containsExactly("upgrade-host control-2");
        assertThat(sim.fewestServing).containsEntry(Role.ZOOKEEPER, 2);
    }

    @Test
    void aMasterBackOnItsOldVersionFailsTheHostGate() throws Exception {
        sim = new SimulatedPod(true, "3.9.5", "1.10.0", "1.11.24");
        sim.stale.add("mesos-master@control-2");

        Outcome outcome = run(sharedPod("3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("control-2").contains("runs Mesos 1.10.0, not 1.11.0");
    }

    @Test
    void aNewMarathonLeaderOnTheOldVersionFailsTheHandOver() throws Exception {
        sim = new SimulatedPod(true, "3.9.5", "1.11.0", "1.10.0");
        sim.stale.add("marathon@control-2");

        Outcome outcome = run(sharedPod("3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("stop-last-old").contains("leads Marathon 1.10.0, not 1.11.24");
    }

    @Test
    void dedicatedPodNeverGoesBelowQuorumEither() throws Exception {
        sim = new SimulatedPod("3.8.4", "1.10.0", "1.10.0").leader(Role.MESOS_MASTER, "master-3");

        Outcome outcome = run(RolloutExecutorTest.prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.fewestServing).containsEntry(Role.ZOOKEEPER, 2).containsEntry(Role.MESOS_MASTER, 2).containsEntry(Role.MARATHON, 1);
        assertThat(sim.calls).filteredOn(c -> c.startsWith("stop")).containsExactly("stop marathon-2", "stop marathon-3", "stop marathon-1");
        assertThat(sim.calls.get(0)).isEqualTo("backup zookeeper"); // before the pod's first step
        assertThat(sim.calls).containsOnlyOnce("backup zookeeper");
    }
}
