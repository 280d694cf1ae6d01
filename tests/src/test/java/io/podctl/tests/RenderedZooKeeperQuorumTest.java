package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.RenderedFile;
import io.podctl.plan.Role;
import io.podctl.plan.render.Layout;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.FourLetterWordClient;
import io.podctl.rollout.health.MntrReply;
import io.podctl.rollout.health.SrvrReply;
import io.podctl.rollout.health.ZooKeeperMode;
import io.podctl.rollout.local.LoopbackZooCfg;
import io.podctl.rollout.local.NodePorts;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.local.ZooKeeperProcess;
import io.podctl.spec.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zoo.cfg and myid files podctl renders for a pod run a real ensemble: three ZooKeeper
 * servers of the version the plan pins, as separate processes, with only addresses, ports and
 * the data directory moved to this machine (timing, whitelist and server ids stay as rendered).
 */
class RenderedZooKeeperQuorumTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    @TempDir
    Path dir;

    private final FourLetterWordClient fourLetterWords = new FourLetterWordClient();
    private final List<ZooKeeperProcess> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(ZooKeeperProcess::stop);
        assertThat(servers).noneMatch(ZooKeeperProcess::isAlive);
    }

    /** A dedicated prod pod (zk-1..3) and a shared not-prod pod (control-1..3, AdminServer off Marathon's port). */
    @ParameterizedTest
    @ValueSource(strings = {"prd-pod-1", "not-prod-pod-1"})
    void renderedEnsembleElectsOneLeaderAndReplicatesWrites(String pod) throws Exception {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod(pod));
        Map<Integer, Endpoint> clients = startOnLoopback(plan.hostsRunning(Role.ZOOKEEPER));

        Map<Integer, ZooKeeperMode> modes = awaitOneLeaderTwoFollowers(clients);
        assertThat(modes.values()).containsExactlyInAnyOrder(ZooKeeperMode.LEADER, ZooKeeperMode.FOLLOWER, ZooKeeperMode.FOLLOWER);

        // mntr answers only because the rendered whitelist allows it (the default allows srvr alone)
        int leader = idIn(modes, ZooKeeperMode.LEADER);
        assertThat(MntrReply.parse(fourLetterWords.send(clients.get(leader), "mntr")).values())
                .containsEntry("zk_server_state", "leader");

        List<Integer> followers = modes.keySet().stream().filter(id -> modes.get(id) == ZooKeeperMode.FOLLOWER).toList();
        byte[] written = "rendered".getBytes(StandardCharsets.UTF_8);
        try (ZooKeeper writer = connect(clients.get(followers.get(0)))) {
            writer.create("/podctl-rendered", written, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        try (ZooKeeper reader = connect(clients.get(followers.get(1)))) {
            reader.sync("/podctl-rendered");
            assertThat(reader.getData("/podctl-rendered", false, null)).isEqualTo(written);
        }
    }

    /** Writes each host's rendered files to its own directory, moved to loopback, and starts its server. */
    private Map<Integer, Endpoint> startOnLoopback(List<Host> members) throws IOException {
        assertThat(members).hasSize(3);
        List<NodePorts> free = NodePorts.allocate(members.size());
        // every server's ports must be known before any zoo.cfg is rewritten: each lists all three
        Map<Host, Integer> ids = new LinkedHashMap<>();
        Map<Integer, NodePorts> ports = new LinkedHashMap<>();
        for (Host host : members) {
            int id = Integer.parseInt(rendered(host, Layout.STANDARD.zooMyid()).strip());
            ids.put(host, id);
            ports.put(id, free.get(ports.size()));
        }
        Map<Integer, Endpoint> clients = new LinkedHashMap<>();
        for (Host host : members) {
            int id = ids.get(host);
            Path home = Files.createDirectories(dir.resolve(host.node()));
            Path data = Files.createDirectories(home.resolve("data"));
            // as zookeeper.service's ExecStartPre does: the rendered myid goes into dataDir
            Files.writeString(data.resolve("myid"), rendered(host, Layout.STANDARD.zooMyid()), StandardCharsets.US_ASCII);
            Path cfg = home.resolve("zoo.cfg");
            Files.writeString(cfg, LoopbackZooCfg.rewrite(rendered(host, Layout.STANDARD.zooCfg()), id, ports, data));
            servers.add(ZooKeeperProcess.start(ZooKeeperInstall.of(host.versions().zookeeper()), cfg, home.resolve("zookeeper.log")));
            clients.put(id, Endpoint.loopback(ports.get(id).client()));
        }
        return clients;
    }

    /** Polls srvr on every client port until one leads and two follow, or fails with the servers' logs. */
    private Map<Integer, ZooKeeperMode> awaitOneLeaderTwoFollowers(Map<Integer, Endpoint> clients) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        Map<Integer, ZooKeeperMode> modes = Map.of();
        while (Instant.now().isBefore(deadline)) {
            modes = modes(clients);
            long leaders = modes.values().stream().filter(m -> m == ZooKeeperMode.LEADER).count();
            long followers = modes.values().stream().filter(m -> m == ZooKeeperMode.FOLLOWER).count();
            if (leaders == 1 && followers == 2) {
                return modes;
            }
            assertThat(servers).as("a server died; logs:\n%s", logs()).allMatch(ZooKeeperProcess::isAlive);
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("no quorum after " + DEADLINE + ": " + modes + "\n" + logs());
    }

    private Map<Integer, ZooKeeperMode> modes(Map<Integer, Endpoint> clients) {
        Map<Integer, ZooKeeperMode> modes = new LinkedHashMap<>();
        clients.forEach((id, endpoint) -> {
            try {
                modes.put(id, SrvrReply.parse(fourLetterWords.send(endpoint, "srvr")).mode());
            } catch (IOException | IllegalArgumentException notYet) {
                modes.put(id, ZooKeeperMode.UNREACHABLE);
            }
        });
        return modes;
    }

    private static int idIn(Map<Integer, ZooKeeperMode> modes, ZooKeeperMode mode) {
        return modes.entrySet().stream().filter(e -> e.getValue() == mode).findFirst().orElseThrow().getKey();
    }

    /** A session bound to one server, so the test knows which server answered. */
    private static ZooKeeper connect(Endpoint server) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(server.toString(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new AssertionError("no session with " + server + " within " + DEADLINE);
        }
        return zk;
    }

    private static String rendered(Host host, String path) {
        return host.files().stream().filter(f -> f.path().equals(path)).map(RenderedFile::content).findFirst()
                .orElseThrow(() -> new AssertionError(host.node() + " has no rendered " + path));
    }

    private String logs() {
        return servers.stream().map(s -> {
            try {
                List<String> lines = Files.readAllLines(s.logFile());
                return "== " + s.logFile() + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return "== " + s.logFile() + ": " + e.getMessage();
            }
        }).collect(Collectors.joining("\n"));
    }
}
