package io.podctl.rollout.run.local;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.ProbeTransport;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.DriverException;
import io.podctl.rollout.run.NodeDriver;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.PodTargets;
import io.podctl.rollout.run.ProbedPodHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Drives a local fleet: really stops a ZooKeeper process and starts the new release's libs on
 * the same config and data directory; the fleet file records the new version once the node's gate
 * passed ({@link #confirm}). Mesos and Marathon do not run locally: steps for them fail
 * with a clear message.
 */
public final class LocalFleetDriver implements NodeDriver, PodTargets {

    private final Path file;
    private LocalFleet fleet;

    public LocalFleetDriver(Path file) throws IOException {
        this.file = file;
        this.fleet = LocalFleet.read(file);
    }

    public LocalFleet fleet() {
        return fleet;
    }

    public boolean knows(String pod) {
        return fleet.pods().containsKey(pod);
    }

    @Override
    public Map<String, NodeVersions> deployed(PodPlan pod) throws DriverException {
        LocalFleet.Pod local = pod(pod.pod());
        Map<String, NodeVersions> versions = new LinkedHashMap<>();
        for (Host host : pod.controlHosts()) {
            LocalFleet.ZooKeeperNode zk = local.zookeeper().get(host.node());
            if (host.runs(Role.ZOOKEEPER) && zk == null) {
                throw new DriverException("local fleet " + file + ": pod " + pod.pod() + " has no ZooKeeper node " + host.node());
            }
            NodeVersions all = new NodeVersions(zk == null ? null : zk.version(), local.mesos(), local.marathon());
            versions.put(host.node(), all.forRoles(host.roles()));
        }
        for (AgentGroup group : pod.agentGroups()) {
            for (int i = 1; i <= group.count(); i++) {
                versions.put(RolloutPlanner.agentNode(group, i), new NodeVersions(null, local.mesos(), null));
            }
        }
        return versions;
    }

    @Override
    public synchronized void upgrade(PodPlan pod, String node, Role role, String version) throws DriverException {
        LocalFleet.ZooKeeperNode server = zooKeeper(pod, node, role);
        ZooKeeperInstall install;
        try {
            install = new ZooKeeperInstall(version, dists().resolve(version).resolve("lib"));
        } catch (IllegalArgumentException e) {
            throw new DriverException(node + ": " + e.getMessage());
        }
        DetachedZooKeeper.stop(server);
        try {
            DetachedZooKeeper.start(server, install);
        } catch (IOException e) {
            throw new DriverException(node + ": cannot start ZooKeeper " + version + ": " + e.getMessage(), e);
        }
    }

    /** The fleet file is the deployed state: a node's version changes there only once its gate passed. */
    @Override
    public synchronized void confirm(PodPlan pod, String node, Role role, String version) throws DriverException {
        if (role != Role.ZOOKEEPER) {
            return; // only ZooKeeper runs locally; a shared host's other roles have no deployed state here
        }
        LocalFleet.ZooKeeperNode server = zooKeeper(pod, node, role);
        if (version.equals(server.version())) {
            return;
        }
        try {
            fleet = fleet.withZooKeeper(pod.pod(), node, server.withVersion(version));
            fleet.write(file);
        } catch (IOException e) {
            throw new DriverException("cannot write local fleet " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies one server's data directory (its snapshots and transaction logs, ZooKeeper's own
     * backup unit) to {@code backups/<pod>-<millis>} next to the fleet file.
     */
    @Override
    public String backupZooKeeper(PodPlan pod) throws DriverException {
        LocalFleet.ZooKeeperNode server = pod(pod.pod()).zookeeper().values().stream().findFirst()
                .orElseThrow(() -> new DriverException("local fleet " + file + ": pod " + pod.pod() + " has no ZooKeeper server to back up"));
        Path from = Path.of(server.dataDir());
        Path to = file.toAbsolutePath().getParent().resolve("backups").resolve(pod.pod() + "-" + System.currentTimeMillis());
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (java.nio.file.Files.isDirectory(source)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new DriverException("backing up ZooKeeper of " + pod.pod() + " from " + from + ": " + e.getMessage(), e);
        }
        return to.toString();
    }

    /**
     * A local host runs only its ZooKeeper server: that server restarts at the target version
     * (as a replaced host's would). Mesos and Marathon do not run locally, so a host whose target
     * changes them is refused as a per-role upgrade would be.
     */
    @Override
    public void upgradeHost(PodPlan pod, String node, NodeVersions target) throws DriverException {
        LocalFleet.Pod local = pod(pod.pod());
        for (Role role : pod.host(node).roles()) {
            String deployed = role == Role.MARATHON ? local.marathon() : role == Role.ZOOKEEPER ? null : local.mesos();
            if (role != Role.ZOOKEEPER && target.of(role) != null && !target.of(role).equals(deployed)) {
                zooKeeper(pod, node, role); // throws: the local driver runs only ZooKeeper
            }
        }
        if (target.zookeeper() != null) {
            upgrade(pod, node, Role.ZOOKEEPER, target.zookeeper());
        }
    }

    @Override
    public void stop(PodPlan pod, String node, Role role) throws DriverException {
        DetachedZooKeeper.stop(zooKeeper(pod, node, role));
    }

    @Override
    public PodHealth health(PodPlan pod) {
        return health(pod, ProbeTransport.direct());
    }

    /** The local servers' health asked over {@code transport}: each node's own loopback port, whatever carries the words. */
    public PodHealth health(PodPlan pod, ProbeTransport transport) {
        Map<String, Endpoint> zk = new LinkedHashMap<>();
        LocalFleet.Pod local = fleet.pods().get(pod.pod());
        if (local != null) {
            local.zookeeper().forEach((node, server) -> zk.put(node, Endpoint.loopback(server.clientPort())));
        }
        return new ProbedPodHealth(Map.of(Role.ZOOKEEPER, zk), transport);
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        return Optional.empty();
    }

    private LocalFleet.ZooKeeperNode zooKeeper(PodPlan pod, String node, Role role) throws DriverException {
        if (role != Role.ZOOKEEPER) {
            throw new DriverException("the local driver runs only ZooKeeper; " + role.wire() + " " + node
                    + " of " + pod.pod() + " needs the Pulumi engine driver (not available yet)");
        }
        LocalFleet.ZooKeeperNode server = pod(pod.pod()).zookeeper().get(node);
        if (server == null) {
            throw new DriverException("local fleet " + file + ": pod " + pod.pod() + " has no ZooKeeper node " + node);
        }
        return server;
    }

    private LocalFleet.Pod pod(String name) throws DriverException {
        LocalFleet.Pod pod = fleet.pods().get(name);
        if (pod == null) {
            throw new DriverException("local fleet " + file + " has no pod " + name);
        }
        return pod;
    }

    private Path dists() {
        String dists = fleet.zookeeperDists();
        return dists == null || dists.isBlank() ? ZooKeeperInstall.distsDirectory() : Path.of(dists);
    }
}
