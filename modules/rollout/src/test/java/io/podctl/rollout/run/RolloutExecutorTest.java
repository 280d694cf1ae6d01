package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Role;
import io.podctl.rollout.fakes.FakeMesosCluster;
import io.podctl.rollout.journal.Controls;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.StepRecord;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutExecutorTest {

    /** Saturday 03:00 UTC: inside the fixture pods' window (Sat, Sun 02:00-06:00 UTC). */
    static final Instant IN_WINDOW = Instant.parse("2025-06-07T03:00:00Z");
    static final GatePolicy FAST = new GatePolicy(Duration.ofMillis(250), Duration.ofSeconds(30), 2);
    /** For a plan of one prod pod alone: the tests using it are about its steps, not about not-prod going first. */
    static final RunOptions PROD_ALONE = RunOptions.DEFAULT.withGates(FAST).withProdFirst(true);

    @TempDir
    Path state;

    final List<String> progress = new ArrayList<>();
    final List<SimulatedPod> pods = new ArrayList<>();
    FakeClock clock = new FakeClock(IN_WINDOW);

    @AfterEach
    void closeFakes() {
        pods.forEach(SimulatedPod::close);
    }

    static Pod prodPod(String name, String zookeeper, String mesos, String marathon) {
        return SpecFixtures.pod(name, SpecFixtures.prodPod(name)
                .replace("zookeeper: 3.8.4", "zookeeper: " + zookeeper)
                .replace("mesos: 1.11.0", "mesos: " + mesos)
                .replace("marathon: 1.11.24", "marathon: " + marathon));
    }

    /** not-prod-pod-1 of the fixtures (shared, one zone) at this ZooKeeper version. */
    static Pod notProdPod(String zookeeper) {
        return SpecFixtures.pod("not-prod-pod-1", SpecFixtures.notProdPod("not-prod-pod-1", "us-west-2a", "10.20.0.0/20")
                .replace("zookeeper: 3.8.4", "zookeeper: " + zookeeper));
    }

    SimulatedPod deployed(String zookeeper, String mesos, String marathon) {
        SimulatedPod pod = new SimulatedPod(zookeeper, mesos, marathon);
        pods.add(pod);
        return pod;
    }

    Outcome run(SimulatedPod sim, Journal journal, Pod... desired) throws Exception {
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired[0].name(), sim.deployed(null)));
        // one prod pod alone: these tests are about the steps, not about not-prod going first
        RunOptions options = RunOptions.DEFAULT.withGates(FAST).withStepEstimate(Duration.ofMinutes(1)).withDrainTimeout(Duration.ofSeconds(2))
                .withProdFirst(true);
        return new RolloutExecutor(sim, sim, journal, clock, options, progress::add).run(plan);
    }

    Journal journal() {
        return new Journal(new DirectoryStateStore(state), "test");
    }

    @Test
    void leaderIsRestartedLast() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.10.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-1").leader(Role.MESOS_MASTER, "master-2");

        Outcome outcome = run(sim, journal(), prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.confirmed).containsEntry("zk-1", "3.9.5").containsEntry("master-2", "1.11.0");
        assertThat(sim.calls.subList(0, 6)).containsExactly(
                "upgrade zk-2", "upgrade zk-3", "upgrade zk-1", "upgrade master-1", "upgrade master-3", "upgrade master-2");
        assertThat(sim.elections).containsEntry(Role.ZOOKEEPER, 1).containsEntry(Role.MESOS_MASTER, 1);
    }

    @Test
    void agentsAreDrainedThroughMaintenanceAfterTheMasters() throws Exception {
        SimulatedPod sim = deployed("3.9.5", "1.10.0", "1.11.24");

        run(sim, journal(), prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(sim.calls.stream().filter(c -> c.startsWith("replace agent-general-1")).findFirst().map(sim.calls::indexOf).orElseThrow())
                .isGreaterThan(sim.calls.indexOf("upgrade master-1"));
        assertThat(sim.calls).filteredOn(c -> c.startsWith("replace")).hasSize(6);
        assertThat(sim.cluster.agents()).extracting(FakeMesosCluster.Agent::version).containsOnly("1.11.0").hasSize(6);
    }

    @Test
    void marathonUsesItsHaProcedure() throws Exception {
        SimulatedPod sim = deployed("3.9.5", "1.11.0", "1.10.0").leader(Role.MARATHON, "marathon-2");

        Outcome outcome = run(sim, journal(), prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isEqualTo(new Outcome.Finished(1));
        assertThat(sim.calls).containsExactly(
                "backup zookeeper",                        // before anything is touched
                "stop marathon-1", "stop marathon-3",      // all but the leader
                "upgrade marathon-1",                      // one new-version instance
                "stop marathon-2",                         // the last old one: the new one takes over
                "upgrade marathon-3", "upgrade marathon-2"); // the rest
        assertThat(sim.leaders).containsEntry(Role.MARATHON, "marathon-1");
    }

    @Test
    void aSkippedMarathonReleaseIsRefusedBeforeAnythingIsTouched() throws Exception {
        SimulatedPod sim = deployed("3.9.5", "1.11.0", "1.9.109");

        Outcome outcome = run(sim, journal(), prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("skips 1.10").contains("nothing was touched");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void failedGateHaltsTheRollout() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        sim.broken.add("zk-2");
        Journal journal = journal();

        Outcome outcome = run(sim, journal, prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("zk-2").contains("FAILED after");
        assertThat(sim.calls).containsExactly("upgrade zk-2");
        StepRecord failed = journal.state().step("prd-pod-1/zookeeper/zk-2/upgrade@3.9.5").orElseThrow();
        assertThat(failed.status()).isEqualTo(StepRecord.StepStatus.FAILED);
        assertThat(failed.detail()).startsWith("failed at step 1, running version unknown (not answering): ")
                .contains("zk-2 is not serving");
        assertThat(sim.confirmed).as("a node is recorded at its new version only after its gate").isEmpty();
        assertThat(journal().state().outcome()).isEqualTo("halted");
        assertThat(Duration.between(IN_WINDOW, clock.now())).isGreaterThanOrEqualTo(FAST.timeout());
    }

    @Test
    void unhealthyPodIsNotStarted() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        sim.running.remove("zk-3");

        Outcome outcome = run(sim, journal(), prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome.describe()).contains("before start").contains("2 of 3");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void pausedRunExitsWaiting() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        journal.setControls(new Controls(true, false));

        Outcome outcome = run(sim, journal, prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Paused.class);
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void abortKeepsFinishedStepsAndTouchesNothingMore() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        progress.clear();
        // A person aborts while the first node is being upgraded.
        NodeDriver aborting = new NodeDriver() {
            public Map<String, io.podctl.plan.NodeVersions> deployed(io.podctl.plan.PodPlan pod) {
                return sim.deployed(pod);
            }

            public void upgrade(io.podctl.plan.PodPlan pod, String node, Role role, String version) {
                sim.upgrade(pod, node, role, version);
                journal.setControls(new Controls(false, true));
            }

            public void stop(io.podctl.plan.PodPlan pod, String node, Role role) {
                sim.stop(pod, node, role);
            }
        };
        Pod desired = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));

        Outcome outcome = new RolloutExecutor(aborting, sim, journal, clock, PROD_ALONE, progress::add).run(plan);

        assertThat(outcome).isInstanceOf(Outcome.Aborted.class);
        assertThat(sim.calls).containsExactly("upgrade zk-2");
        assertThat(journal.state().step("prd-pod-1/zookeeper/zk-2/upgrade@3.9.5").orElseThrow().status())
                .isEqualTo(StepRecord.StepStatus.DONE);
    }

    @Test
    void outsideWindowWaits() throws Exception {
        clock = new FakeClock(Instant.parse("2025-06-09T10:00:00Z")); // a Monday
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");

        Outcome outcome = run(sim, journal(), prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24"));

        assertThat(outcome).isInstanceOf(Outcome.Waiting.class);
        assertThat(outcome.describe()).isEqualTo(
                "waiting for window of prd-pod-1, next opens at 2025-06-14T02:00:00Z (expected duration 3 min)");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void nextWaveWaitsForThePreviousPodsSoak() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        Pod notProd = notProdPod("3.9.5");
        journal.podFinished("not-prod-pod-1", IN_WINDOW.minus(Duration.ofHours(2)), RolloutPlanner.podRollout(notProd, Map.of()).desiredLine());
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd), Map.of(prod.name(), sim.deployed(null),
                notProd.name(), Map.of("control-1", new io.podctl.plan.NodeVersions("3.9.5", "1.11.0", "1.11.24"),
                        "control-2", new io.podctl.plan.NodeVersions("3.9.5", "1.11.0", "1.11.24"),
                        "control-3", new io.podctl.plan.NodeVersions("3.9.5", "1.11.0", "1.11.24"),
                        "agent-general-1", new io.podctl.plan.NodeVersions(null, "1.11.0", null),
                        "agent-general-2", new io.podctl.plan.NodeVersions(null, "1.11.0", null),
                        "agent-general-3", new io.podctl.plan.NodeVersions(null, "1.11.0", null),
                        "agent-general-4", new io.podctl.plan.NodeVersions(null, "1.11.0", null),
                        "agent-general-5", new io.podctl.plan.NodeVersions(null, "1.11.0", null),
                        "agent-general-6", new io.podctl.plan.NodeVersions(null, "1.11.0", null))));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(plan.pods().get(0).pod()).isEqualTo("not-prod-pod-1");
        assertThat(outcome.describe()).startsWith("waiting for not-prod-pod-1 to soak 24h before prd-pod-1, until 2025-06-08T01:00:00Z");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void podConfirmedByAKilledRunGetsItsFinishedTimeSoTheNextPodSoaks() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        // the killed run passed and recorded not-prod-pod-1's last step, then died before recording the pod finished
        Instant lastGate = IN_WINDOW.minus(Duration.ofHours(2));
        for (String node : List.of("control-1", "control-2", "control-3")) {
            journal.record(new StepRecord("not-prod-pod-1/zookeeper/" + node + "/upgrade-host@3.9.5", "not-prod-pod-1", node,
                    "upgrade-host", "3.9.5", StepRecord.StepStatus.DONE, lastGate.minusSeconds(60), lastGate, "synced"), lastGate);
        }
        Pod notProd = notProdPod("3.9.5");
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd), Map.of(prod.name(), sim.deployed(null),
                notProd.name(), notProdAt("3.9.5")));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(journal.state().podsFinished()).containsEntry("not-prod-pod-1", lastGate);
        assertThat(outcome.describe()).startsWith("waiting for not-prod-pod-1 to soak 24h before prd-pod-1, until 2025-06-08T01:00:00Z");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void podReachingItsTargetOutsideTheJournalSoaksFromWhenItIsSeen() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        // its last step failed its gate; the pod was then brought to the target by other means
        journal.record(new StepRecord("not-prod-pod-1/zookeeper/control-3/upgrade-host@3.9.5", "not-prod-pod-1", "control-3",
                "upgrade-host", "3.9.5", StepRecord.StepStatus.FAILED, IN_WINDOW.minus(Duration.ofHours(5)),
                IN_WINDOW.minus(Duration.ofHours(5)), "failed at step 3, running version 3.8.4: not in the quorum"), IN_WINDOW);
        Pod notProd = notProdPod("3.9.5");
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd), Map.of(prod.name(), sim.deployed(null),
                notProd.name(), notProdAt("3.9.5")));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(journal.state().podsFinished()).containsEntry("not-prod-pod-1", IN_WINDOW);
        assertThat(outcome.describe()).startsWith("waiting for not-prod-pod-1 to soak 24h before prd-pod-1, until 2025-06-08T03:00:00Z");
        assertThat(sim.calls).isEmpty();
    }

    static Map<String, io.podctl.plan.NodeVersions> notProdAt(String zookeeper) {
        Map<String, io.podctl.plan.NodeVersions> versions = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            versions.put("control-" + i, new io.podctl.plan.NodeVersions(zookeeper, "1.11.0", "1.11.24"));
        }
        for (int i = 1; i <= 6; i++) {
            versions.put("agent-general-" + i, new io.podctl.plan.NodeVersions(null, "1.11.0", null));
        }
        return versions;
    }

    @Test
    void prodIsRefusedWhenNoNotProdPodRunsItsNewVersions() throws Exception {
        // the fleet's not-prod pods were never deployed: the plan holds the prod pod alone
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod), Map.of(prod.name(), sim.deployed(null)));

        Outcome outcome = new RolloutExecutor(sim, sim, journal(), clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(outcome.describe()).contains("prd-pod-1 would run zookeeper 3.9.5, which no not-prod pod of this rollout runs yet",
                "--prod-first", "nothing was touched");
        assertThat(sim.calls).isEmpty();

        Outcome accepted = new RolloutExecutor(sim, sim, journal(), clock, RunOptions.DEFAULT.withGates(FAST).withProdFirst(true), progress::add)
                .run(plan);
        assertThat(accepted).isEqualTo(new Outcome.Finished(1));
    }

    @Test
    void aNotProdPodAtOtherVersionsProvesNothingForProd() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Pod notProd = notProdPod("3.8.4");
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd), Map.of(prod.name(), sim.deployed(null),
                notProd.name(), notProdAt("3.8.4")));

        Outcome outcome = new RolloutExecutor(sim, sim, journal(), clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(outcome.describe()).contains("prd-pod-1 would run zookeeper 3.9.5, which no not-prod pod of this rollout runs yet");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void notProdPodDeployedAtTheNewVersionsOutsideTheRolloutSoaksFromWhenItIsSeen() throws Exception {
        // 'podctl up not-prod-pod-1' of the new spec: no journal entry at all, yet prod must still wait its soak
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        Pod notProd = notProdPod("3.9.5");
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd), Map.of(prod.name(), sim.deployed(null),
                notProd.name(), notProdAt("3.9.5")));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(outcome.describe()).startsWith("waiting for not-prod-pod-1 to soak 24h before prd-pod-1, until 2025-06-08T03:00:00Z");
        assertThat(progress).contains("not-prod-pod-1: finished at 2025-06-07T03:00:00Z (first seen at its target; "
                + "it reached these versions outside the rollout)");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void aFinishedTimeAtOlderVersionsDoesNotCountForTheSoak() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24");
        Journal journal = journal();
        Pod notProdBefore = notProdPod("3.8.4");
        // the last rollout finished the pod at 3.8.4 days ago; it has since been brought to 3.9.5 outside the rollout
        journal.podFinished("not-prod-pod-1", IN_WINDOW.minus(Duration.ofDays(3)), RolloutPlanner.podRollout(notProdBefore, Map.of()).desiredLine());
        Pod notProd = notProdPod("3.9.5");
        Pod prod = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd), Map.of(prod.name(), sim.deployed(null),
                notProd.name(), notProdAt("3.9.5")));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, RunOptions.DEFAULT.withGates(FAST), progress::add).run(plan);

        assertThat(outcome.describe()).startsWith("waiting for not-prod-pod-1 to soak 24h before prd-pod-1, until 2025-06-08T03:00:00Z");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void stepInFlightWhenKilledIsRecheckedNotRedone() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        Pod desired = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));
        // The killed run had journaled zk-1 as started and the driver had already restarted it.
        journal.record(started("zk-1", "3.9.5"), IN_WINDOW);
        sim.versions.put("zk-1", "3.9.5");

        new RolloutExecutor(sim, sim, journal, clock, PROD_ALONE, progress::add).run(plan);

        assertThat(sim.calls).containsExactly("upgrade zk-2", "upgrade zk-3");
        assertThat(journal.state().step("prd-pod-1/zookeeper/zk-1/upgrade@3.9.5").orElseThrow().detail()).startsWith("re-checked");
    }

    @Test
    void aStepInFlightWhoseRecheckIsRefusedHaltsWithoutDoingItAgain() throws Exception {
        SimulatedPod sim = deployed("3.9.5", "1.10.0", "1.11.24").leader(Role.MESOS_MASTER, "master-3");
        Journal journal = journal();
        // the killed run had upgraded master-1; since then the masters require a credential this run lacks
        journal.record(started(Role.MESOS_MASTER, "master-1", "1.11.0"), IN_WINDOW);
        sim.upgrade(null, "master-1", Role.MESOS_MASTER, "1.11.0");
        sim.calls.clear();
        for (int i = 0; i < 3; i++) {
            sim.masters.master(i).requireCredentials("podctl-operator:right-one");
        }
        java.time.Instant started = clock.now();

        Outcome outcome = resume(sim, journal);

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(((Outcome.Halted) outcome).reason()).contains("not touching master-1", "401 Unauthorized", "mesosOperatorCredential");
        assertThat(sim.calls).as("master-1 is not replaced a second time").isEmpty();
        assertThat(Duration.between(started, clock.now())).isLessThan(FAST.timeout());
    }

    @Test
    void runKilledWithItsNodeDownBringsThatNodeBackFirst() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        Pod desired = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        // zk-1 was done; the killed run had journaled zk-2 as started and stopped it, not yet started it
        journal.record(new StepRecord("prd-pod-1/zookeeper/zk-1/upgrade@3.9.5", "prd-pod-1", "zk-1", "upgrade", "3.9.5",
                StepRecord.StepStatus.DONE, IN_WINDOW, IN_WINDOW, "synced"), IN_WINDOW);
        journal.record(new StepRecord("prd-pod-1/zookeeper/zk-2/upgrade@3.9.5", "prd-pod-1", "zk-2", "upgrade", "3.9.5",
                StepRecord.StepStatus.STARTED, IN_WINDOW, null, ""), IN_WINDOW);
        sim.versions.put("zk-1", "3.9.5");
        sim.stop(null, "zk-2", Role.ZOOKEEPER);
        sim.calls.clear();
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));

        Outcome outcome = new RolloutExecutor(sim, sim, journal, clock, PROD_ALONE, progress::add).run(plan);

        assertThat(outcome).isInstanceOf(Outcome.Finished.class);
        assertThat(sim.calls).containsExactly("upgrade zk-2", "upgrade zk-3");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("resuming an interrupted run"));
    }

    static StepRecord started(String node, String version) {
        return started(Role.ZOOKEEPER, node, version);
    }

    /** An upgrade step of prd-pod-1 that a killed run journaled as started. */
    static StepRecord started(Role role, String node, String version) {
        return new StepRecord("prd-pod-1/" + role.wire() + "/" + node + "/upgrade@" + version, "prd-pod-1", node, "upgrade", version,
                StepRecord.StepStatus.STARTED, IN_WINDOW, null, "");
    }

    static StepRecord done(String node, String version) {
        return started(node, version).finish(StepRecord.StepStatus.DONE, IN_WINDOW, "synced");
    }

    Outcome resume(SimulatedPod sim, Journal journal) throws Exception {
        Pod desired = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));
        return new RolloutExecutor(sim, sim, journal, clock, PROD_ALONE, progress::add).run(plan);
    }

    @Test
    void resumeWhoseInFlightNodeDiedRestartsOnlyThatNode() throws Exception {
        // The issue's case: killed once zk-1 ran 3.9.5, before its gate; then zk-1's new server died.
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        journal.record(started("zk-1", "3.9.5"), IN_WINDOW);
        sim.versions.put("zk-1", "3.9.5");
        sim.running.remove("zk-1");
        sim.broken.add("zk-1");

        Outcome outcome = resume(sim, journal);

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(sim.calls).as("no second node touched while zk-1 is down").containsExactly("upgrade zk-1");
        assertThat(sim.running).contains("zk-2", "zk-3");
        assertThat(progress).anySatisfy(l -> assertThat(l).contains("zookeeper zk-1: version not reported, NOT serving"));
        assertThat(journal.state().step("prd-pod-1/zookeeper/zk-1/upgrade@3.9.5").orElseThrow().status())
                .isEqualTo(StepRecord.StepStatus.FAILED);
    }

    @Test
    void resumeDoesNotTouchAnotherNodeWhileAMemberThatIsDoneIsDown() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        journal.record(done("zk-1", "3.9.5"), IN_WINDOW);
        journal.record(started("zk-2", "3.9.5"), IN_WINDOW); // killed before zk-2 was stopped: it still serves 3.8.4
        sim.versions.put("zk-1", "3.9.5");
        sim.running.remove("zk-1");

        Outcome outcome = resume(sim, journal);

        assertThat(outcome.describe()).contains("not touching zk-2").contains("2 of 3");
        assertThat(sim.calls).isEmpty();
    }

    @Test
    void resumeOutsideTheWindowFinishesOnlyTheNodeInFlightThenWaits() throws Exception {
        clock = new FakeClock(Instant.parse("2025-06-09T10:00:00Z")); // a Monday, window closed
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        journal.record(started("zk-2", "3.9.5"), IN_WINDOW);
        sim.stop(null, "zk-2", Role.ZOOKEEPER);
        sim.calls.clear();

        Outcome outcome = resume(sim, journal);

        assertThat(outcome).isInstanceOf(Outcome.Waiting.class);
        assertThat(outcome.describe()).startsWith("waiting for window of prd-pod-1");
        assertThat(sim.calls).containsExactly("upgrade zk-2");
        assertThat(sim.running).contains("zk-1", "zk-2", "zk-3");
        assertThat(sim.confirmed).containsOnlyKeys("zk-2");
    }

    @Test
    void podWhoseLastNodeAResumeFinishedOutsideItsWindowGetsThatNodesGateAsItsFinishedTime() throws Exception {
        clock = new FakeClock(Instant.parse("2025-06-09T10:00:00Z")); // a Monday, window closed
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-1");
        Journal journal = journal();
        journal.record(done("zk-2", "3.9.5"), IN_WINDOW);
        journal.record(done("zk-3", "3.9.5"), IN_WINDOW);
        journal.record(started("zk-1", "3.9.5"), IN_WINDOW); // killed with its last node, the leader, down
        sim.versions.put("zk-2", "3.9.5");
        sim.versions.put("zk-3", "3.9.5");
        sim.stop(null, "zk-1", Role.ZOOKEEPER);
        sim.calls.clear();

        Outcome resumed = resume(sim, journal);
        Instant lastGate = journal.state().step("prd-pod-1/zookeeper/zk-1/upgrade@3.9.5").orElseThrow().ended();
        clock.advance(Duration.ofDays(5)); // a later run finds the pod at its target
        resume(sim, journal);

        assertThat(resumed).isInstanceOf(Outcome.Waiting.class);
        assertThat(sim.calls).containsExactly("upgrade zk-1");
        assertThat(journal.state().podsFinished()).containsEntry("prd-pod-1", lastGate);
        assertThat(lastGate).isBefore(clock.now());
    }

    @Test
    void stepDoneButNotYetRecordedByTheDriverIsConfirmedNotRepeated() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        journal.record(done("zk-1", "3.9.5"), IN_WINDOW); // killed between the journal's DONE and the driver's record
        sim.versions.put("zk-1", "3.9.5");
        Pod desired = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        var deployed = new java.util.LinkedHashMap<>(sim.deployed(null));
        deployed.put("zk-1", new io.podctl.plan.NodeVersions("3.8.4", null, null)); // the deployed state still says old
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), deployed));

        new RolloutExecutor(sim, sim, journal, clock, PROD_ALONE, progress::add).run(plan);

        assertThat(sim.calls).containsExactly("upgrade zk-2", "upgrade zk-3");
        assertThat(sim.confirmed).containsEntry("zk-1", "3.9.5");
    }

    @Test
    void leaderIsFoundAgainBeforeEveryStep() throws Exception {
        SimulatedPod sim = deployed("3.8.4", "1.11.0", "1.11.24").leader(Role.ZOOKEEPER, "zk-3");
        Journal journal = journal();
        // someone else restarts the leader during the first step: zk-2 wins the election
        NodeDriver electing = new NodeDriver() {
            public Map<String, io.podctl.plan.NodeVersions> deployed(io.podctl.plan.PodPlan pod) {
                return sim.deployed(pod);
            }

            public void upgrade(io.podctl.plan.PodPlan pod, String node, Role role, String version) {
                sim.upgrade(pod, node, role, version);
                if (node.equals("zk-1")) {
                    sim.leader(Role.ZOOKEEPER, "zk-2");
                }
            }

            public void stop(io.podctl.plan.PodPlan pod, String node, Role role) {
                sim.stop(pod, node, role);
            }
        };
        Pod desired = prodPod("prd-pod-1", "3.9.5", "1.11.0", "1.11.24");
        RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), sim.deployed(null)));

        Outcome outcome = new RolloutExecutor(electing, sim, journal, clock, PROD_ALONE, progress::add).run(plan);

        assertThat(outcome).isInstanceOf(Outcome.Finished.class);
        assertThat(sim.calls).containsExactly("upgrade zk-1", "upgrade zk-3", "upgrade zk-2");
        assertThat(progress).anySatisfy(l -> assertThat(l).contains("zk-2 leads, restarting it last"));
    }
}
