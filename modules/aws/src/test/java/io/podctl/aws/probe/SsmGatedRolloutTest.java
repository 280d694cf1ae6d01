package io.podctl.aws.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.command.RemoteCommand;
import io.podctl.aws.command.SsmRunCommand;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.RenderedFile;
import io.podctl.plan.Role;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ProbeTransport;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.Clock;
import io.podctl.rollout.run.GatePolicy;
import io.podctl.rollout.run.Outcome;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.PodTargets;
import io.podctl.rollout.run.RolloutExecutor;
import io.podctl.rollout.run.RunOptions;
import io.podctl.rollout.run.local.LocalFleet;
import io.podctl.rollout.run.local.LocalFleetDriver;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ZooKeeper rollout of a local fleet whose gates all go through Run Command: the executor's
 * probes are {@link ExecutingSsm} running podctl's command text against the real servers. Each
 * local node listens on its own port; the fleet's endpoints carry it, the command targets it on
 * loopback.
 */
class SsmGatedRolloutTest {

    private static final String OLD = System.getProperty("podctl.zookeeper.old.version", "3.8.4");
    private static final String NEW = System.getProperty("podctl.zookeeper.new.version", "3.9.5");
    /** Saturday 03:00 UTC: inside the prod fixture's window. */
    private static final Instant IN_WINDOW = Instant.parse("2025-06-07T03:00:00Z");

    @TempDir
    Path dir;

    private ExecutingSsm ssm;
    private RemoteCommand remote;
    private LocalEnsemble ensemble;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ssm = new ExecutingSsm(Map.of());
        remote = new SsmRunCommand(AwsContext.of(MotoEndpoint.REGION, new MotoEndpoint(ssm.endpoint()).credentials(), ssm.endpoint()),
                Duration.ofMillis(20));
    }

    @AfterEach
    void stop() throws Exception {
        if (ensemble != null) {
            ensemble.close();
        }
        // servers the driver restarted run detached, by their pid files
        try (var pids = Files.walk(dir)) {
            for (Path pid : pids.filter(p -> p.getFileName().toString().equals("zookeeper.pid")).toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        remote.close();
        ssm.close();
    }

    @Test
    void healthyGatesPassThroughRunCommandAndEveryServerIsUpgraded() throws Exception {
        Fixture fixture = fleet();

        Outcome outcome = run(fixture, Duration.ofSeconds(90));

        assertThat(outcome).as(String.join("\n", progress)).isEqualTo(new Outcome.Finished(1));
        assertThat(LocalFleet.read(fixture.file()).pods().get("pod-r").zookeeper().values())
                .extracting(LocalFleet.ZooKeeperNode::version).containsOnly(NEW);
        assertThat(ssm.sent()).isNotEmpty().allSatisfy(sent -> assertThat(sent.command()).contains("/dev/tcp/127.0.0.1/"));
    }

    @Test
    void aMemberDownHaltsBeforeAnyNodeIsTouched() throws Exception {
        Fixture fixture = fleet();
        int down = ensemble.ids().get(0);
        ensemble.stop(down);
        Map<String, Long> pids = pids(fixture.file());

        Outcome outcome = run(fixture, Duration.ofSeconds(3));

        assertThat(outcome).isInstanceOf(Outcome.Halted.class);
        assertThat(((Outcome.Halted) outcome).reason()).contains("zookeeper");
        assertThat(LocalFleet.read(fixture.file()).pods().get("pod-r").zookeeper().values())
                .extracting(LocalFleet.ZooKeeperNode::version).containsOnly(OLD);
        // the two servers still up were never restarted
        Map<String, Long> after = pids(fixture.file());
        pids.forEach((node, pid) -> {
            if (ProcessHandle.of(pid).isPresent()) {
                assertThat(after.get(node)).isEqualTo(pid);
            }
        });
        assertThat(ensemble.ids().stream().filter(id -> id != down).allMatch(ensemble::isRunning)).isTrue();
        assertThat(ssm.sent()).isNotEmpty();
    }

    private record Fixture(Path file, Pod desired, PodPlan plan) {
    }

    /** The prod fixture's three ZooKeeper servers on loopback at the old release; the spec asks for the new one. */
    private Fixture fleet() throws Exception {
        Pod desired = SpecFixtures.pod("pod-r", SpecFixtures.prodPod("pod-r").replace("zookeeper: " + OLD, "zookeeper: " + NEW));
        PodPlan plan = PodPlanner.plan(desired);
        List<Host> hosts = plan.hostsRunning(Role.ZOOKEEPER);
        String zooCfg = hosts.get(0).files().stream().filter(f -> f.path().endsWith("zoo.cfg")).map(RenderedFile::content)
                .findFirst().orElseThrow();
        ensemble = LocalEnsemble.prepare(dir.resolve("zk"), zooCfg);
        ensemble.startAll(ZooKeeperInstall.of(OLD));
        assertThat(HealthWait.until(ensemble.probe().ensembleProbe(), Duration.ofSeconds(60)).healthy()).isTrue();
        Map<String, LocalFleet.ZooKeeperNode> servers = new LinkedHashMap<>();
        for (Host host : hosts) {
            LocalEnsemble.LocalNode node = ensemble.node(host.index());
            Path pidFile = node.directory().resolve("zookeeper.pid");
            Files.writeString(pidFile, ensemble.process(host.index()).pid() + "\n");
            servers.put(host.node(), new LocalFleet.ZooKeeperNode(node.ports().client(), node.configFile().toString(),
                    node.dataDir().toString(), OLD, pidFile.toString(), node.logFile().toString()));
        }
        LocalFleet fleet = new LocalFleet(Map.of("pod-r", new LocalFleet.Pod(servers, plan.hostsRunning(Role.MESOS_MASTER).get(0).versions().mesos(),
                plan.hostsRunning(Role.MARATHON).get(0).versions().marathon())), ZooKeeperInstall.distsDirectory().toString());
        Path file = dir.resolve("fleet.json");
        fleet.write(file);
        return new Fixture(file, desired, plan);
    }

    private Outcome run(Fixture fixture, Duration gateTimeout) throws Exception {
        LocalFleetDriver driver = new LocalFleetDriver(fixture.file());
        // every local server is this machine's: one instance id; the port in each endpoint tells them apart
        ProbeTransport transport = SsmProbes.transport(remote, host -> "i-local", Duration.ofSeconds(30), Optional.empty(), Optional.empty());
        PodTargets targets = new PodTargets() {
            @Override
            public PodHealth health(PodPlan pod) {
                return driver.health(pod, transport);
            }

            @Override
            public Optional<AgentMaintenance> maintenance(PodPlan pod) {
                return Optional.empty();
            }
        };
        RolloutPlan plan = RolloutPlanner.plan(List.of(fixture.desired()), Map.of("pod-r", driver.deployed(fixture.plan())));
        // one pod rolled alone: these tests are about the gates, not about not-prod going first
        RunOptions options = RunOptions.DEFAULT.withGates(new GatePolicy(Duration.ofMillis(200), gateTimeout, 2)).withProdFirst(true);
        return new RolloutExecutor(driver, targets, new Journal(new DirectoryStateStore(dir.resolve("state")), "test"), inWindow(), options,
                progress::add).run(plan);
    }

    private static Map<String, Long> pids(Path fleetFile) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (var entry : LocalFleet.read(fleetFile).pods().get("pod-r").zookeeper().entrySet()) {
            pids.put(entry.getKey(), Long.parseLong(Files.readString(Path.of(entry.getValue().pidFile())).strip()));
        }
        return pids;
    }

    private static Clock inWindow() {
        long started = System.nanoTime();
        return new Clock() {
            @Override
            public Instant now() {
                return IN_WINDOW.plusNanos(System.nanoTime() - started);
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
