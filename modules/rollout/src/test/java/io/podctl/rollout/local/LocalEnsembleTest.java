package io.podctl.rollout.local;

import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ZooKeeperMode;
import io.podctl.rollout.health.ZooKeeperNodeStatus;
import io.podctl.rollout.health.ZooKeeperProbe;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real ZooKeeper servers (separate processes from Maven Central jars): one ensemble walks
 * through a follower upgrade from the old to the new release, step by step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalEnsembleTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String OLD = System.getProperty("podctl.zookeeper.old.version", "3.8.4");
    private static final String NEW = System.getProperty("podctl.zookeeper.new.version", "3.9.5");

    @TempDir
    static Path base;

    private LocalEnsemble ensemble;
    private ZooKeeperProbe probe;

    @BeforeAll
    void startOldEnsemble() throws Exception {
        ensemble = LocalEnsemble.prepare(base, 3);
        probe = ensemble.probe();
        ensemble.startAll(ZooKeeperInstall.of(OLD));
    }

    @AfterAll
    void stopEnsemble() {
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @Test
    @Order(1)
    void leaderReportsTwoSyncedFollowers() {
        Health health = HealthWait.until(probe.ensembleProbe(), SETTLE);

        assertThat(health.healthy()).as(health.toString()).isTrue();
        assertThat(health.fact("synced_followers")).isEqualTo("2");
        assertThat(health.fact("followers")).isEqualTo("2");
        assertThat(probe.statuses()).extracting(ZooKeeperNodeStatus::version).containsOnly(OLD);
    }

    @Test
    @Order(2)
    void znodeWrittenOnOneServerIsReadOnAnother() throws Exception {
        byte[] written = "rolled".getBytes(StandardCharsets.UTF_8);
        try (ZooKeeper writer = connect(ensemble.clientEndpoint(1))) {
            writer.create("/podctl-check", written, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        try (ZooKeeper reader = connect(ensemble.clientEndpoint(3))) {
            reader.sync("/podctl-check");
            assertThat(reader.getData("/podctl-check", false, null)).isEqualTo(written);
        }
    }

    @Test
    @Order(3)
    void quorumSurvivesAStoppedFollower() {
        int follower = aFollower();

        ensemble.stop(follower);

        assertThat(ensemble.isRunning(follower)).isFalse();
        Health quorum = HealthWait.until(probe.quorumProbe(), SETTLE);
        assertThat(quorum.healthy()).as(quorum.toString()).isTrue();
        assertThat(probe.status(ensemble.clientEndpoint(follower)).mode()).isEqualTo(ZooKeeperMode.UNREACHABLE);
        assertThat(probe.ensembleHealth().healthy()).isFalse();
    }

    @Test
    @Order(4)
    void followerRestartedOnNewReleaseRejoinsFromItsData() throws Exception {
        int stopped = ensemble.ids().stream().filter(id -> !ensemble.isRunning(id)).findFirst().orElseThrow();

        ensemble.start(stopped, ZooKeeperInstall.of(NEW));

        Health member = HealthWait.until(probe.memberProbe(ensemble.clientEndpoint(stopped), NEW), SETTLE);
        assertThat(member.healthy()).as(member.toString()).isTrue();
        Health all = HealthWait.until(probe.ensembleProbe(), SETTLE);
        assertThat(all.healthy()).as(all.toString()).isTrue();
        try (ZooKeeper reader = connect(ensemble.clientEndpoint(stopped))) {
            reader.sync("/podctl-check");
            assertThat(new String(reader.getData("/podctl-check", false, null), StandardCharsets.UTF_8))
                    .isEqualTo("rolled");
        }
    }

    @Test
    @Order(5)
    void closingTheEnsembleEndsEveryProcess() {
        var processes = ensemble.ids().stream().map(ensemble::process).toList();

        ensemble.close();

        assertThat(processes).noneMatch(ZooKeeperProcess::isAlive);
        assertThat(processes).extracting(p -> ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false))
                .containsOnly(false);
    }

    private int aFollower() {
        return probe.statuses().stream().filter(s -> s.mode() == ZooKeeperMode.FOLLOWER)
                .map(s -> ensemble.idOf(s.endpoint())).findFirst().orElseThrow();
    }

    /** A client session bound to one server only, so the test knows which server answered. */
    private static ZooKeeper connect(Endpoint server) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(server.toString(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        Instant started = Instant.now();
        if (!connected.await(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new AssertionError("no session with " + server + " after " + Duration.between(started, Instant.now()));
        }
        return zk;
    }
}
