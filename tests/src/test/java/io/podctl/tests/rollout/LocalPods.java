package io.podctl.tests.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.RenderedFile;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ZooKeeperProbe;
import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.run.local.LocalFleet;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.tests.Podctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pods of the example fleet brought up as real local ZooKeeper ensembles: each started from the
 * zoo.cfg the pod plan renders, rewritten to loopback, on the old release; the specs ask for
 * the new one in an always-open window. Writes the local fleet file podctl is given.
 */
final class LocalPods implements AutoCloseable {

    static final String OLD = System.getProperty("podctl.zookeeper.old.version", "3.8.4");
    static final String NEW = System.getProperty("podctl.zookeeper.new.version", "3.9.5");
    /**
     * Open every day for the next 23 hours: the one closed minute of a weekly window
     * (start == end is refused by validation) is put an hour in the past, so a test run
     * never meets it.
     */
    static final String ALWAYS = alwaysOpenWindow(java.time.LocalTime.now(java.time.ZoneOffset.UTC));

    static String alwaysOpenWindow(java.time.LocalTime now) {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        java.time.LocalTime start = now.minusHours(1).withSecond(0).withNano(0);
        return "window: {days: [Mon, Tue, Wed, Thu, Fri, Sat, Sun], start: \"" + start.format(hhmm)
                + "\", end: \"" + start.minusMinutes(1).format(hhmm) + "\", timeZone: UTC}";
    }

    final Path dir;
    final Path fleetFile;
    final Map<String, LocalEnsemble> ensembles = new LinkedHashMap<>();
    final Map<String, Map<String, Integer>> idsByNode = new LinkedHashMap<>();
    private LocalFleet fleet = new LocalFleet(Map.of(), null);

    LocalPods(Path dir) throws IOException {
        this.dir = dir;
        this.fleetFile = dir.resolve("fleet.json");
        Path pods = Podctl.copyFleet(dir);
        try (var files = Files.list(pods)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file)
                        .replaceAll("window: \\{[^}]*\\}", ALWAYS)
                        .replace("zookeeper: " + OLD, "zookeeper: " + NEW);
                Files.writeString(file, text);
            }
        }
    }

    /** Starts the pod's three servers on the old release and records them in the fleet file. */
    LocalPods start(String pod) throws IOException {
        return start(pod, ensemble -> { });
    }

    /** As {@link #start(String)}, with {@code beforeStart} given the prepared ensemble (its zoo.cfg files written) first. */
    LocalPods start(String pod, java.util.function.Consumer<LocalEnsemble> beforeStart) throws IOException {
        SpecSet specs = SpecLoader.load(List.of(dir.resolve("pods")));
        if (specs.hasErrors()) {
            throw new IllegalStateException(specs.findings().toString());
        }
        PodPlan plan = PodPlanner.plan(specs.find(pod).orElseThrow().pod());
        List<Host> hosts = plan.hostsRunning(Role.ZOOKEEPER);
        String zooCfg = hosts.get(0).files().stream().map(RenderedFile::path).filter(p -> p.endsWith("zoo.cfg")).findFirst()
                .flatMap(p -> hosts.get(0).files().stream().filter(f -> f.path().equals(p)).findFirst())
                .map(RenderedFile::content).orElseThrow(() -> new IllegalStateException("the plan renders no zoo.cfg"));
        LocalEnsemble ensemble = LocalEnsemble.prepare(dir.resolve(pod), zooCfg);
        beforeStart.accept(ensemble);
        ensemble.startAll(ZooKeeperInstall.of(OLD));
        ensembles.put(pod, ensemble);
        Map<String, LocalFleet.ZooKeeperNode> servers = new LinkedHashMap<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Host host : hosts) {
            LocalEnsemble.LocalNode node = ensemble.node(host.index());
            Path pidFile = node.directory().resolve("zookeeper.pid");
            Files.writeString(pidFile, ensemble.process(host.index()).pid() + "\n");
            servers.put(host.node(), new LocalFleet.ZooKeeperNode(node.ports().client(), node.configFile().toString(),
                    node.dataDir().toString(), OLD, pidFile.toString(), node.logFile().toString()));
            ids.put(host.node(), host.index());
        }
        idsByNode.put(pod, ids);
        Map<String, LocalFleet.Pod> pods = new LinkedHashMap<>(fleet.pods());
        pods.put(pod, new LocalFleet.Pod(servers, plan.hostsRunning(Role.MESOS_MASTER).get(0).versions().mesos(),
                plan.hostsRunning(Role.MARATHON).get(0).versions().marathon()));
        fleet = new LocalFleet(pods, ZooKeeperInstall.distsDirectory().toString());
        fleet.write(fleetFile);
        Health health = HealthWait.until(ensemble.probe().ensembleProbe(), Duration.ofSeconds(60));
        if (!health.healthy()) {
            throw new IllegalStateException(pod + " did not form a quorum: " + health);
        }
        return this;
    }

    ZooKeeperProbe probe(String pod) {
        return ensembles.get(pod).probe();
    }

    /** The node name (zk-1, control-2) listening on {@code endpoint}. */
    String node(String pod, Endpoint endpoint) {
        int id = ensembles.get(pod).idOf(endpoint);
        return idsByNode.get(pod).entrySet().stream().filter(e -> e.getValue() == id).findFirst().orElseThrow().getKey();
    }

    Endpoint endpoint(String pod, String node) {
        return ensembles.get(pod).clientEndpoint(idsByNode.get(pod).get(node));
    }

    Path config(String pod, String node) {
        return ensembles.get(pod).node(idsByNode.get(pod).get(node)).configFile();
    }

    long pid(String pod, String node) throws IOException {
        return Long.parseLong(Files.readString(ensembles.get(pod).node(idsByNode.get(pod).get(node)).directory()
                .resolve("zookeeper.pid")).strip());
    }

    String connectString(String pod) {
        return ensembles.get(pod).connectString();
    }

    JsonNode journal() throws IOException {
        return new ObjectMapper().readTree(dir.resolve(".podctl/rollouts/local-fleet/journal.json").toFile());
    }

    Optional<JsonNode> journalIfAny() {
        try {
            return Optional.of(journal());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Podctl.Result rollout(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("rollout"));
        all.addAll(List.of(args));
        return Podctl.run(dir, Map.of(), null, all.toArray(String[]::new));
    }

    /** Stops the servers podctl started (found by their pid files) and those the test started. */
    @Override
    public void close() {
        for (var pod : ensembles.entrySet()) {
            for (int id : pod.getValue().ids()) {
                try {
                    long pid = Long.parseLong(Files.readString(pod.getValue().node(id).directory().resolve("zookeeper.pid")).strip());
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                } catch (IOException | NumberFormatException ignored) {
                    // nothing started there
                }
            }
            pod.getValue().close();
        }
    }
}
