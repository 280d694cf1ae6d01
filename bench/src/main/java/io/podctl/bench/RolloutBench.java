package io.podctl.bench;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ZooKeeperProbe;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.Clock;
import io.podctl.rollout.run.GatePolicy;
import io.podctl.rollout.run.NodeDriver;
import io.podctl.rollout.run.Outcome;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.PodTargets;
import io.podctl.rollout.run.ProbedPodHealth;
import io.podctl.rollout.run.RolloutExecutor;
import io.podctl.rollout.run.RunOptions;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A 3-node ZooKeeper 3.8.4 to 3.9.5 rolling upgrade on real local processes, once by podctl's
 * executor and once the usual script way (restart in id order, wait only for the client port),
 * each under a client writing sequential znodes. The floor is the sum over nodes of the time from
 * stopping a node to seeing it synced in the ensemble again: what no orchestration can beat.
 */
final class RolloutBench {

    static final String OLD = "3.8.4";
    static final String NEW = "3.9.5";

    private RolloutBench() {
    }

    record Result(String label, long totalMs, long floorMs, int elections, long gapMs, long lost, long writes) {
        String line() {
            return String.format("%-34s total %6d ms  floor %6d ms  ratio %.2f  elections %d  longest write gap %5d ms  lost %d/%d",
                    label, totalMs, floorMs, (double) totalMs / floorMs, elections, gapMs, lost, writes);
        }
    }

    static void run(Path root) throws Exception {
        System.out.println("== rollout (3-node ZooKeeper " + OLD + " -> " + NEW + ", local processes, a client writing throughout)");
        Pod pod = desiredPod(root, NEW);
        Result script = measure("script: id order, wait for port", pod, RolloutBench::scriptUpgrade);
        Result podctl = measure("podctl: gated, leader last, poll " + GATE_INTERVAL.toMillis() + " ms", pod, RolloutBench::podctlUpgrade);
        System.out.println(script.line());
        System.out.println(podctl.line());
        boolean met = (double) podctl.totalMs() / podctl.floorMs() <= 1.10 && podctl.elections() == 1 && podctl.lost() == 0;
        System.out.println("podctl targets (ratio <= 1.10, 1 election, 0 lost): " + (met ? "met" : "NOT met"));
    }

    /** Prepares an upgrade (plans, clients: not timed) and returns the part that is timed. */
    interface Upgrade {
        Timed prepare(LocalEnsemble ensemble, Pod pod, FloorWatch floor) throws Exception;
    }

    interface Timed {
        void run() throws Exception;
    }

    static Result measure(String label, Pod pod, Upgrade upgrade) throws Exception {
        Path dir = Files.createTempDirectory("podctl-bench-rollout");
        try (LocalEnsemble ensemble = LocalEnsemble.prepare(dir, 3)) {
            ensemble.startAll(ZooKeeperInstall.of(OLD));
            ZooKeeperProbe probe = ensemble.probe();
            if (!HealthWait.until(probe.ensembleProbe(), Duration.ofSeconds(60)).healthy()) {
                throw new IllegalStateException("ensemble did not form");
            }
            FloorWatch floor = new FloorWatch(probe);
            try (Writer writer = new Writer(ensemble.connectString()); LeaderCount leaders = new LeaderCount(probe)) {
                Timed timed = upgrade.prepare(ensemble, pod, floor);
                long start = System.nanoTime();
                timed.run();
                long total = (System.nanoTime() - start) / 1_000_000;
                // The script returns before the last node synced: the floor is measured either way.
                HealthWait.until(probe.ensembleProbe(), Duration.ofSeconds(60));
                floor.close();
                writer.stop();
                return new Result(label, total, floor.totalMs(), leaders.changes(), writer.longestGapMs(), writer.lost(), writer.count());
            }
        }
    }

    /** The usual script: restart in id order, move on as soon as the client port accepts connections. */
    static Timed scriptUpgrade(LocalEnsemble ensemble, Pod pod, FloorWatch floor) {
        return () -> restartInIdOrder(ensemble, floor);
    }

    private static void restartInIdOrder(LocalEnsemble ensemble, FloorWatch floor) throws Exception {
        for (int id : ensemble.ids()) {
            floor.stopping(ensemble.clientEndpoint(id));
            ensemble.stop(id);
            ensemble.start(id, ZooKeeperInstall.of(NEW));
            while (!portOpen(ensemble.clientEndpoint(id))) {
                Thread.sleep(20);
            }
        }
    }

    /**
     * Gate polling on loopback: a four-letter-word round trip costs about a millisecond here, so
     * polling every 20 ms keeps the gate's detection delay and its second confirming pass small
     * next to a node's restart (the floor itself is observed every 10 ms).
     */
    static final Duration GATE_INTERVAL = Duration.ofMillis(Long.getLong("podctl.bench.gateIntervalMs", 20));

    static Timed podctlUpgrade(LocalEnsemble ensemble, Pod pod, FloorWatch floor) throws Exception {
        PodPlan topology = PodPlanner.plan(pod);
        Map<String, NodeVersions> deployed = new LinkedHashMap<>();
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (var host : topology.hostsRunning(Role.ZOOKEEPER)) {
            deployed.put(host.node(), new NodeVersions(OLD, null, null));
            endpoints.put(host.node(), ensemble.clientEndpoint(host.index()));
        }
        RolloutPlan full = RolloutPlanner.plan(List.of(pod), Map.of(pod.name(), deployedWithOthers(topology, deployed)));
        NodeDriver driver = new NodeDriver() {
            @Override
            public Map<String, NodeVersions> deployed(PodPlan p) {
                return deployed;
            }

            @Override
            public void upgrade(PodPlan p, String node, Role role, String version) {
                int id = topology.host(node).index();
                floor.stopping(ensemble.clientEndpoint(id));
                ensemble.stop(id);
                try {
                    ensemble.start(id, ZooKeeperInstall.of(version));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                deployed.put(node, new NodeVersions(version, null, null));
            }

            @Override
            public void stop(PodPlan p, String node, Role role) {
                ensemble.stop(topology.host(node).index());
            }
        };
        PodTargets targets = new PodTargets() {
            @Override
            public PodHealth health(PodPlan p) {
                return new ProbedPodHealth(Map.of(Role.ZOOKEEPER, endpoints));
            }

            @Override
            public Optional<AgentMaintenance> maintenance(PodPlan p) {
                return Optional.empty();
            }
        };
        Journal journal = new Journal(new DirectoryStateStore(Files.createTempDirectory("podctl-bench-journal")), "bench");
        RunOptions options = RunOptions.DEFAULT.withGates(new GatePolicy(GATE_INTERVAL, Duration.ofSeconds(60), 2))
                .withStepEstimate(Duration.ofSeconds(1)).withProdFirst(true); // one pod measured alone
        long t0 = System.nanoTime();
        boolean trace = Boolean.getBoolean("podctl.bench.trace"); // -Dpodctl.bench.trace=true: where the time goes
        RolloutExecutor executor = new RolloutExecutor(driver, targets, journal, Clock.SYSTEM, options, line -> {
            if (trace) {
                System.out.printf("  %6d ms  %s%n", (System.nanoTime() - t0) / 1_000_000, line);
            }
        });
        return () -> {
            Outcome outcome = executor.run(full);
            if (!(outcome instanceof Outcome.Finished)) {
                throw new IllegalStateException("podctl rollout did not finish: " + outcome.describe());
            }
        };
    }

    /** Only ZooKeeper changes: the other roles are reported at their desired versions. */
    private static Map<String, NodeVersions> deployedWithOthers(PodPlan topology, Map<String, NodeVersions> zookeeper) {
        Map<String, NodeVersions> all = new LinkedHashMap<>(zookeeper);
        for (var host : topology.controlHosts()) {
            all.putIfAbsent(host.node(), host.versions());
        }
        for (var group : topology.agentGroups()) {
            for (int i = 1; i <= group.count(); i++) {
                all.put(RolloutPlanner.agentNode(group, i), new NodeVersions(null, group.mesosVersion(), null));
            }
        }
        return all;
    }

    /** prd-pod-1 of the example fleet asking for {@code version}, in a window that is open now. */
    static Pod desiredPod(Path root, String version) throws IOException {
        Path pods = Files.createDirectories(Files.createTempDirectory("podctl-bench-pods").resolve("pods"));
        try (var files = Files.list(root.resolve("pods"))) {
            for (Path file : files.toList()) {
                Files.writeString(pods.resolve(file.getFileName()), Files.readString(file)
                        .replaceAll("window: \\{[^}]*\\}",
                                alwaysOpenWindow())
                        .replace("zookeeper: " + OLD, "zookeeper: " + version));
            }
        }
        var specs = SpecLoader.load(List.of(pods));
        if (specs.hasErrors()) {
            throw new IllegalStateException(specs.findings().toString());
        }
        return specs.find("prd-pod-1").orElseThrow().pod();
    }

    /** Every day, the one closed minute an hour in the past: open for the whole run. */
    private static String alwaysOpenWindow() {
        var hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        var start = java.time.LocalTime.now(java.time.ZoneOffset.UTC).minusHours(1);
        return "window: {days: [Mon, Tue, Wed, Thu, Fri, Sat, Sun], start: \"" + start.format(hhmm) + "\", end: \""
                + start.minusMinutes(1).format(hhmm) + "\", timeZone: UTC}";
    }

    static boolean portOpen(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Per node: from the stop to the first moment it is back at the new version with the whole ensemble synced. */
    static final class FloorWatch implements AutoCloseable {
        private final ZooKeeperProbe probe;
        private final List<Long> durations = new ArrayList<>();
        private Endpoint pending;
        private long stoppedAt;
        private final Thread thread;
        private volatile boolean running = true;

        FloorWatch(ZooKeeperProbe probe) {
            this.probe = probe;
            thread = new Thread(this::watch, "floor-watch");
            thread.setDaemon(true);
            thread.start();
        }

        synchronized void stopping(Endpoint node) {
            if (pending != null) {
                durations.add(System.nanoTime() - stoppedAt); // the next stop came before this node synced
            }
            pending = node;
            stoppedAt = System.nanoTime();
        }

        private void watch() {
            while (running) {
                Endpoint node;
                synchronized (this) {
                    node = pending;
                }
                if (node != null && probe.memberHealth(node, NEW).healthy() && probe.ensembleHealth().healthy()) {
                    synchronized (this) {
                        if (pending == node) {
                            durations.add(System.nanoTime() - stoppedAt);
                            pending = null;
                        }
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized long totalMs() {
            return durations.stream().mapToLong(Long::longValue).sum() / 1_000_000;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2000);
        }
    }

    /** Distinct successive leaders seen through srvr, minus the first: the elections. */
    static final class LeaderCount implements AutoCloseable {
        private final List<Endpoint> leaders = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        LeaderCount(ZooKeeperProbe probe) {
            thread = new Thread(() -> {
                while (running) {
                    probe.leader().ifPresent(l -> {
                        synchronized (leaders) {
                            if (leaders.isEmpty() || !leaders.get(leaders.size() - 1).equals(l)) {
                                leaders.add(l);
                            }
                        }
                    });
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "leader-count");
            thread.setDaemon(true);
            thread.start();
        }

        int changes() {
            synchronized (leaders) {
                return Math.max(0, leaders.size() - 1);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2000);
        }
    }

    /** Sequential znodes as fast as acknowledged. */
    static final class Writer implements AutoCloseable {
        private final ZooKeeper client;
        private final List<String> acknowledged = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        Writer(String connect) throws Exception {
            CountDownLatch connected = new CountDownLatch(1);
            client = new ZooKeeper(connect, 15_000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            if (!connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("client did not connect");
            }
            client.create("/bench", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            thread = new Thread(() -> {
                while (running) {
                    try {
                        String path = client.create("/bench/w-", new byte[8], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                        synchronized (this) {
                            acknowledged.add(path);
                            times.add(System.nanoTime());
                        }
                    } catch (KeeperException e) {
                        Thread.onSpinWait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-writer");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        synchronized long count() {
            return acknowledged.size();
        }

        synchronized long longestGapMs() {
            long gap = 0;
            for (int i = 1; i < times.size(); i++) {
                gap = Math.max(gap, times.get(i) - times.get(i - 1));
            }
            return gap / 1_000_000;
        }

        synchronized long lost() throws Exception {
            long lost = 0;
            for (String path : acknowledged) {
                if (client.exists(path, false) == null) {
                    lost++;
                }
            }
            return lost;
        }

        @Override
        public void close() throws Exception {
            stop();
            client.close();
        }
    }
}
