package io.podctl.rollout.local;

import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.ZooKeeperProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A ZooKeeper ensemble of separate local processes on loopback ports, one directory per
 * server ({@code <base>/zk<id>/} with zoo.cfg, data/myid and zookeeper.log). Servers can be
 * stopped and restarted with another release on the same data, as a rolling upgrade does.
 * Close it to stop every server.
 */
public final class LocalEnsemble implements AutoCloseable {

    /** Fast ticks keep elections and syncs short; the whitelist matches what a pod sets. */
    private static final String TEST_SETTINGS = """
            tickTime=500
            initLimit=10
            syncLimit=5
            4lw.commands.whitelist=srvr,mntr,ruok
            admin.enableServer=false
            """;

    private final Map<Integer, LocalNode> nodes;
    private final Map<Integer, ZooKeeperProcess> running = new LinkedHashMap<>();

    private LocalEnsemble(Map<Integer, LocalNode> nodes) {
        this.nodes = nodes;
    }

    /** One local server: its id, ports and files. */
    public record LocalNode(int id, NodePorts ports, Path directory) {
        public Path configFile() {
            return directory.resolve("zoo.cfg");
        }

        public Path dataDir() {
            return directory.resolve("data");
        }

        public Path logFile() {
            return directory.resolve("zookeeper.log");
        }

        public Endpoint clientEndpoint() {
            return Endpoint.loopback(ports.client());
        }
    }

    /** Writes zoo.cfg and myid for {@code size} servers with test timings; starts nothing. */
    public static LocalEnsemble prepare(Path baseDir, int size) throws IOException {
        StringBuilder cfg = new StringBuilder(TEST_SETTINGS).append("dataDir=/var/lib/zookeeper\nclientPort=2181\n");
        for (int id = 1; id <= size; id++) {
            cfg.append("server.").append(id).append("=zk").append(id).append(":2888:3888\n");
        }
        return prepare(baseDir, cfg.toString());
    }

    /**
     * Writes one loopback copy of {@code zooCfg} (as rendered for real hosts) per {@code server.N}
     * line it lists, plus myid; starts nothing.
     */
    public static LocalEnsemble prepare(Path baseDir, String zooCfg) throws IOException {
        List<Integer> ids = zooCfg.lines().map(String::strip)
                .filter(line -> line.matches("server\\.\\d+\\s*[=:].*"))
                .map(line -> Integer.parseInt(line.substring("server.".length()).split("[=:\\s]", 2)[0]))
                .toList();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("zoo.cfg lists no server.N lines");
        }
        List<NodePorts> ports = NodePorts.allocate(ids.size());
        Map<Integer, NodePorts> portsById = IntStream.range(0, ids.size()).boxed()
                .collect(Collectors.toMap(ids::get, ports::get, (a, b) -> a, LinkedHashMap::new));
        Map<Integer, LocalNode> nodes = new LinkedHashMap<>();
        for (int id : ids) {
            LocalNode node = new LocalNode(id, portsById.get(id), baseDir.resolve("zk" + id).toAbsolutePath());
            Files.createDirectories(node.dataDir());
            Files.writeString(node.dataDir().resolve("myid"), id + "\n", StandardCharsets.US_ASCII);
            Files.writeString(node.configFile(), LoopbackZooCfg.rewrite(zooCfg, id, portsById, node.dataDir()));
            nodes.put(id, node);
        }
        return new LocalEnsemble(nodes);
    }

    public void startAll(ZooKeeperInstall install) throws IOException {
        for (int id : nodes.keySet()) {
            start(id, install);
        }
    }

    /** Starts server {@code id} with {@code install}; it must not be running. */
    public synchronized void start(int id, ZooKeeperInstall install) throws IOException {
        LocalNode node = node(id);
        if (isRunning(id)) {
            throw new IllegalStateException("zk" + id + " already runs (pid " + running.get(id).pid() + ")");
        }
        running.put(id, ZooKeeperProcess.start(install, node.configFile(), node.logFile()));
    }

    /** Stops server {@code id} and waits for its process to end; no-op when it does not run. */
    public synchronized void stop(int id) {
        ZooKeeperProcess process = running.remove(id);
        if (process != null) {
            process.stop();
        }
    }

    public synchronized boolean isRunning(int id) {
        ZooKeeperProcess process = running.get(id);
        return process != null && process.isAlive();
    }

    /** The running process of server {@code id} (pid, release, log file). */
    public synchronized ZooKeeperProcess process(int id) {
        ZooKeeperProcess process = running.get(id);
        if (process == null) {
            throw new IllegalStateException("zk" + id + " is not running");
        }
        return process;
    }

    public LocalNode node(int id) {
        LocalNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no server " + id + " in " + nodes.keySet());
        }
        return node;
    }

    public List<Integer> ids() {
        return List.copyOf(nodes.keySet());
    }

    public Endpoint clientEndpoint(int id) {
        return node(id).clientEndpoint();
    }

    public List<Endpoint> clientEndpoints() {
        return nodes.values().stream().map(LocalNode::clientEndpoint).toList();
    }

    /** For the ZooKeeper Java client: "127.0.0.1:p1,127.0.0.1:p2,...". */
    public String connectString() {
        return clientEndpoints().stream().map(Endpoint::toString).collect(Collectors.joining(","));
    }

    public ZooKeeperProbe probe() {
        return new ZooKeeperProbe(clientEndpoints());
    }

    /** The id of the server listening on {@code endpoint}. */
    public int idOf(Endpoint endpoint) {
        return nodes.values().stream().filter(n -> n.clientEndpoint().equals(endpoint)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(endpoint + " is not in this ensemble")).id();
    }

    /** Stops every server that runs. */
    @Override
    public synchronized void close() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }
}
