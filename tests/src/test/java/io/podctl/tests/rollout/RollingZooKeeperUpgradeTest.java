package io.podctl.tests.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ZooKeeperNodeStatus;
import io.podctl.rollout.health.ZooKeeperProbe;
import io.podctl.tests.Podctl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `podctl rollout run --local` against real ZooKeeper processes started from the pod's rendered zoo.cfg. */
class RollingZooKeeperUpgradeTest {

    static final String POD = "not-prod-pod-1";
    static final String[] FAST_GATES = {"--gate-interval", "100ms", "--gate-timeout", "60s", "--step-estimate", "1s"};

    @TempDir
    Path dir;

    static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(FAST_GATES));
        return all.toArray(String[]::new);
    }

    static List<String> upgradedNodes(JsonNode journal) {
        return StreamSupport.stream(journal.path("steps").spliterator(), false)
                .filter(s -> s.path("status").asText().equals("DONE")).map(s -> s.path("node").asText()).toList();
    }

    @Test
    void upgradesEveryNodeLeaderLastWithoutLosingWrites() throws Exception {
        try (LocalPods pods = new LocalPods(dir).start(POD)) {
            ZooKeeperProbe probe = pods.probe(POD);
            String leaderBefore = pods.node(POD, probe.leader().orElseThrow());
            Podctl.Result result;
            long lost;
            try (SequentialWriter writer = new SequentialWriter(pods.connectString(POD)); LeaderWatch watch = new LeaderWatch(probe)) {
                result = pods.rollout(args("run", "--yes", "--local", "fleet.json"));
                writer.stopWriting();
                System.out.println(result.all());
                assertThat(result.exitCode()).as(result.all()).isZero();
                lost = writer.lost();
                assertThat(writer.acknowledged).hasSizeGreaterThan(100);
                assertThat(watch.leaders()).as("leaders seen").hasSize(2);
                System.out.println("longest write gap " + writer.longestGapMs() + " ms, " + writer.acknowledged.size() + " writes");
            }

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(lost).isZero();
            assertThat(probe.statuses()).extracting(ZooKeeperNodeStatus::version).containsOnly(LocalPods.NEW);
            assertThat(probe.ensembleHealth().healthy()).isTrue();
            List<String> order = upgradedNodes(pods.journal());
            assertThat(order).hasSize(3).doesNotHaveDuplicates();
            assertThat(order.get(2)).as("restarted last").isEqualTo(leaderBefore);
            assertThat(result.stdout()).contains("NEEDS-UPDATE").contains(leaderBefore + " leads, restarting it last");
        }
    }

    @Test
    void nodeThatCannotStartOnTheNewVersionHaltsTheRollout() throws Exception {
        try (LocalPods pods = new LocalPods(dir).start(POD)) {
            ZooKeeperProbe probe = pods.probe(POD);
            String leader = pods.node(POD, probe.leader().orElseThrow());
            List<String> followers = List.of("control-1", "control-2", "control-3").stream().filter(n -> !n.equals(leader)).toList();
            String first = followers.get(0);
            // The running servers keep their loaded config; a restart reads the broken one.
            Files.writeString(pods.config(POD, first), "clientPort=not-a-port\n", java.nio.file.StandardOpenOption.APPEND);
            long leaderPid = pods.pid(POD, leader);
            long otherPid = pods.pid(POD, followers.get(1));

            Podctl.Result result = pods.rollout("run", "--yes", "--local", "fleet.json", "--gate-interval", "100ms", "--gate-timeout", "8s", "--step-estimate", "1s");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
            assertThat(result.stderr()).contains("halted").contains(first);
            assertThat(pods.pid(POD, leader)).isEqualTo(leaderPid);
            assertThat(pods.pid(POD, followers.get(1))).isEqualTo(otherPid);
            assertThat(probe.status(pods.endpoint(POD, leader)).version()).isEqualTo(LocalPods.OLD);
            assertThat(probe.status(pods.endpoint(POD, followers.get(1))).version()).isEqualTo(LocalPods.OLD);
            assertThat(probe.quorumHealth().healthy()).as(probe.quorumHealth().toString()).isTrue();
            JsonNode step = pods.journal().path("steps").get(0);
            assertThat(step.path("node").asText()).isEqualTo(first);
            assertThat(step.path("status").asText()).isEqualTo("FAILED");
            assertThat(step.path("detail").asText()).contains("not in the quorum");
            assertThat(pods.journal().path("outcome").asText()).isEqualTo("halted");
        }
    }

    @Test
    void killedRolloutResumesWithoutRestartingFinishedNodes() throws Exception {
        try (LocalPods pods = new LocalPods(dir).start(POD)) {
            List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", Podctl.jar().toString()));
            command.addAll(List.of(args("rollout", "run", "--yes", "--local", "fleet.json")));
            Process first = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("first-run.log").toFile()).start();
            String finished = awaitFirstDoneStep(pods, first);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no lock release
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long finishedPid = pods.pid(POD, finished);

            Podctl.Result held = pods.rollout(args("run", "--yes", "--local", "fleet.json"));
            assertThat(held.exitCode()).as(held.all()).isEqualTo(3);
            assertThat(held.stderr()).contains("lock held by pid " + first.pid());

            Podctl.Result second = pods.rollout(args("run", "--yes", "--local", "fleet.json", "--break-lock"));

            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(pods.pid(POD, finished)).as("finished node not restarted").isEqualTo(finishedPid);
            assertThat(second.stdout()).doesNotContain("control " + finished);
            assertThat(pods.probe(POD).statuses()).extracting(ZooKeeperNodeStatus::version).containsOnly(LocalPods.NEW);
            assertThat(upgradedNodes(pods.journal())).hasSize(3).doesNotHaveDuplicates();
        }
    }

    private static String awaitFirstDoneStep(LocalPods pods, Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && run.isAlive()) {
            var done = pods.journalIfAny().map(RollingZooKeeperUpgradeTest::upgradedNodes).orElse(List.of());
            if (!done.isEmpty()) {
                return done.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no step finished; run alive: " + run.isAlive());
    }

    @Test
    void failureInNotProdStopsBeforeProdIsTouched() throws Exception {
        try (LocalPods pods = new LocalPods(dir).start(POD).start("prd-pod-1")) {
            for (String node : List.of("control-1", "control-2", "control-3")) {
                Files.writeString(pods.config(POD, node), "clientPort=not-a-port\n", java.nio.file.StandardOpenOption.APPEND);
            }
            List<Long> prodPids = new ArrayList<>();
            for (String node : List.of("zk-1", "zk-2", "zk-3")) {
                prodPids.add(pods.pid("prd-pod-1", node));
            }

            Podctl.Result result = pods.rollout("run", "--yes", "--local", "fleet.json", "--gate-interval", "100ms", "--gate-timeout", "8s", "--step-estimate", "1s");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
            assertThat(result.stdout()).contains("prd-pod-1").doesNotContain("prd-pod-1: upgrading");
            List<Long> after = new ArrayList<>();
            for (String node : List.of("zk-1", "zk-2", "zk-3")) {
                after.add(pods.pid("prd-pod-1", node));
            }
            assertThat(after).isEqualTo(prodPids);
            assertThat(pods.probe("prd-pod-1").statuses()).extracting(ZooKeeperNodeStatus::version).containsOnly(LocalPods.OLD);
            assertThat(HealthWait.until(pods.probe("prd-pod-1").ensembleProbe(), Duration.ofSeconds(5)).healthy()).isTrue();
        }
    }

    @Test
    void pausedFleetWaitsUntilResumedAndAbortStopsIt() throws Exception {
        try (LocalPods pods = new LocalPods(dir).start(POD)) {
            long pidBefore = pods.pid(POD, "control-1");
            assertThat(pods.rollout("pause", "--local", "fleet.json").stdout()).contains("paused");

            Podctl.Result paused = pods.rollout(args("run", "--yes", "--local", "fleet.json"));
            assertThat(paused.exitCode()).as(paused.all()).isEqualTo(3);
            assertThat(pods.pid(POD, "control-1")).as("nothing touched while paused").isEqualTo(pidBefore);

            pods.rollout("abort", "--local", "fleet.json");
            Podctl.Result aborted = pods.rollout(args("run", "--yes", "--local", "fleet.json"));
            assertThat(aborted.exitCode()).as(aborted.all()).isEqualTo(1);
            assertThat(pods.pid(POD, "control-1")).isEqualTo(pidBefore);

            pods.rollout("resume", "--local", "fleet.json");
            Podctl.Result resumed = pods.rollout(args("run", "--yes", "--local", "fleet.json"));
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(pods.probe(POD).statuses()).extracting(ZooKeeperNodeStatus::version).containsOnly(LocalPods.NEW);
        }
    }
}
