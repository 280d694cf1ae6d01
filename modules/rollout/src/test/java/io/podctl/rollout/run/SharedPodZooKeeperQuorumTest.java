package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.fakes.FakeMarathons;
import io.podctl.rollout.fakes.FakeMesosMasters;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ZooKeeperNodeStatus;
import io.podctl.rollout.health.ZooKeeperProbe;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared pod's Marathon upgrade over real ZooKeeper servers: control-1..3 each run one server
 * of a local 3.8.4 ensemble. Replacing a host restarts its ZooKeeper server (as an instance
 * replacement does); stopping Marathon stops only Marathon. Marathon and the masters are the
 * HTTP fakes. A watcher asks every server {@code srvr} throughout: a majority must serve at every
 * moment but the one leader election the upgrade costs.
 */
class SharedPodZooKeeperQuorumTest {

    private static final String ZK = System.getProperty("podctl.zookeeper.old.version", "3.8.4");

    @TempDir
    Path dir;

    @Test
    void marathonStageKeepsTheZooKeeperQuorumServingThroughout() throws Exception {
        ZooKeeperInstall install = ZooKeeperInstall.of(ZK);
        try (LocalEnsemble ensemble = LocalEnsemble.prepare(dir.resolve("zk"), 3);
             FakeMesosMasters masters = FakeMesosMasters.start(3).elect(0);
             FakeMarathons marathons = FakeMarathons.start(3).elect(0)) {
            ensemble.startAll(install);
            ZooKeeperProbe probe = ensemble.probe();
            assertThat(HealthWait.until(probe.ensembleProbe(), Duration.ofSeconds(60)).healthy()).isTrue();
            SharedHosts driver = new SharedHosts(ensemble, install, marathons);
            AtomicInteger samples = new AtomicInteger();
            AtomicBoolean watching = new AtomicBoolean(true);
            List<Long> gapsMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread watcher = new Thread(() -> {
                long below = -1;
                while (watching.get()) {
                    int serving = (int) probe.statuses().stream().filter(ZooKeeperNodeStatus::inQuorum).count();
                    samples.incrementAndGet();
                    long now = System.nanoTime();
                    if (serving < 2 && below < 0) {
                        below = now;
                    } else if (serving >= 2 && below >= 0) {
                        gapsMillis.add((now - below) / 1_000_000);
                        below = -1;
                    }
                }
                if (below >= 0) {
                    gapsMillis.add(Long.MAX_VALUE); // still without a quorum at the end
                }
            });
            watcher.start();
            Pod desired = HostQuorumTest.sharedPod(ZK, "1.11.0", "1.11.24");
            RolloutPlan plan = RolloutPlanner.plan(List.of(desired), Map.of(desired.name(), driver.deployed(null)));
            RunOptions options = RunOptions.DEFAULT.withGates(new GatePolicy(Duration.ofMillis(200), Duration.ofSeconds(90), 2));
            Outcome outcome;
            try {
                outcome = new RolloutExecutor(driver, driver.targets(masters), new Journal(new DirectoryStateStore(dir.resolve("state")), "test"),
                        inWindow(), options, line -> { }).run(plan);
            } finally {
                watching.set(false);
                watcher.join();
            }

            assertThat(outcome).isEqualTo(new Outcome.Finished(1));
            assertThat(driver.calls.remove(0)).isEqualTo("backup");
            assertThat(driver.calls.subList(0, 4)).containsExactly("stop marathon control-2", "stop marathon control-3", "replace control-2",
                    "stop marathon control-1");
            // the order of the last two follows the real ZooKeeper leader, which goes last
            assertThat(driver.calls.subList(4, 6)).containsExactlyInAnyOrder("replace control-1", "replace control-3");
            assertThat(driver.restarts).isEqualTo(3); // every server was really restarted, one at a time
            assertThat(samples.get()).isGreaterThan(10);
            // A majority serves throughout except for the one election when the ZooKeeper leader's host is
            // replaced (last): a few hundred milliseconds in which the two others elect a new leader.
            // Stopping hosts instead of Marathon processes would leave one server for whole steps.
            assertThat(gapsMillis).as("periods with fewer than 2 of 3 ZooKeeper servers serving (ms)").hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(gap -> assertThat(gap).isLessThan(5_000L));
            assertThat(driver.marathon).containsValues("1.11.24", "1.11.24", "1.11.24");
        }
    }

    /** Real time (the servers take real seconds to restart), counted from a moment inside the pod's window. */
    private static Clock inWindow() {
        long started = System.nanoTime();
        return new Clock() {
            @Override
            public java.time.Instant now() {
                return RolloutExecutorTest.IN_WINDOW.plusNanos(System.nanoTime() - started);
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }

    /** control-N runs ZooKeeper server N for real and Marathon instance N as a fake. */
    private static final class SharedHosts implements NodeDriver {
        final LocalEnsemble ensemble;
        final ZooKeeperInstall install;
        final FakeMarathons marathons;
        final Map<String, String> marathon = new LinkedHashMap<>();
        final List<String> running = new ArrayList<>(List.of("control-1", "control-2", "control-3"));
        final List<String> calls = new ArrayList<>();
        int restarts;
        String leader = "control-1";

        SharedHosts(LocalEnsemble ensemble, ZooKeeperInstall install, FakeMarathons marathons) {
            this.ensemble = ensemble;
            this.install = install;
            this.marathons = marathons;
            for (int i = 1; i <= 3; i++) {
                marathon.put("control-" + i, "1.10.0");
                marathons.instance(i - 1).version("1.10.0");
            }
        }

        @Override
        public Map<String, NodeVersions> deployed(PodPlan pod) {
            Map<String, NodeVersions> deployed = new LinkedHashMap<>();
            marathon.forEach((node, version) -> deployed.put(node, new NodeVersions(ZK, "1.11.0", version)));
            for (int i = 1; i <= 6; i++) {
                deployed.put("agent-general-" + i, new NodeVersions(null, "1.11.0", null));
            }
            return deployed;
        }

        @Override
        public void upgrade(PodPlan pod, String node, Role role, String version) {
            throw new AssertionError("a shared host moves as a whole, not " + role.wire() + " alone");
        }

        /** An instance replacement: every process on the host stops and starts again. */
        @Override
        public synchronized void upgradeHost(PodPlan pod, String node, NodeVersions target) throws DriverException {
            calls.add("replace " + node);
            int id = index(node);
            running.remove(node);
            publish();
            ensemble.stop(id);
            try {
                ensemble.start(id, install);
            } catch (IOException e) {
                throw new DriverException(node + ": " + e.getMessage(), e);
            }
            restarts++;
            marathon.put(node, target.marathon());
            marathons.instance(id - 1).version(target.marathon());
            running.add(node);
            publish();
        }

        /** A copy of one server's data directory: ZooKeeper's snapshot and transaction log files. */
        @Override
        public String backupZooKeeper(PodPlan pod) throws DriverException {
            calls.add("backup");
            return "copied";
        }

        @Override
        public synchronized void stop(PodPlan pod, String node, Role role) {
            assertThat(role).isEqualTo(Role.MARATHON);
            calls.add("stop marathon " + node);
            running.remove(node);
            publish();
        }

        /** Marathon elects the lowest running instance when its leader stops. */
        private void publish() {
            if (!running.contains(leader)) {
                leader = running.stream().sorted().findFirst().orElse(null);
            }
            for (int i = 1; i <= 3; i++) {
                String node = "control-" + i;
                if (!running.contains(node) || leader == null) {
                    marathons.instance(i - 1).noLeader();
                } else if (node.equals(leader)) {
                    marathons.instance(i - 1).leads();
                } else {
                    marathons.instance(i - 1).follows(marathons.instance(index(leader) - 1).endpoint());
                }
            }
        }

        PodTargets targets(FakeMesosMasters masters) {
            Map<Role, Map<String, Endpoint>> endpoints = new LinkedHashMap<>();
            Map<String, Endpoint> zk = new LinkedHashMap<>();
            Map<String, Endpoint> m = new LinkedHashMap<>();
            Map<String, Endpoint> a = new LinkedHashMap<>();
            for (int i = 1; i <= 3; i++) {
                zk.put("control-" + i, ensemble.clientEndpoint(i));
                m.put("control-" + i, masters.master(i - 1).endpoint());
                a.put("control-" + i, marathons.instance(i - 1).endpoint());
            }
            endpoints.put(Role.ZOOKEEPER, zk);
            endpoints.put(Role.MESOS_MASTER, m);
            endpoints.put(Role.MARATHON, a);
            PodHealth health = new ProbedPodHealth(endpoints);
            return new PodTargets() {
                @Override
                public PodHealth health(PodPlan pod) {
                    return health;
                }

                @Override
                public Optional<AgentMaintenance> maintenance(PodPlan pod) {
                    return Optional.empty();
                }
            };
        }

        private static int index(String node) {
            return Integer.parseInt(node.substring(node.lastIndexOf('-') + 1));
        }
    }
}
