package io.podctl.rollout.run;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.fakes.FakeMarathons;
import io.podctl.rollout.fakes.FakeMesosMasters;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dedicated pod whose nodes live in memory: the driver side records every call, ZooKeeper's
 * health is computed from that state, and the Mesos masters and Marathon instances are the
 * fixture-based HTTP fakes, re-elected the way the real systems would after a stop.
 */
final class SimulatedPod implements NodeDriver, PodTargets, AutoCloseable {

    final List<String> calls = new ArrayList<>();
    final Map<Role, Integer> elections = new LinkedHashMap<>();
    final Map<String, String> versions = new LinkedHashMap<>();
    final Set<String> running = new HashSet<>();
    final Map<Role, String> leaders = new LinkedHashMap<>();
    /** Nodes that do not come back after an upgrade (a broken release). */
    final Set<String> broken = new HashSet<>();
    final List<String> maintenanceCalls = new ArrayList<>();
    /** Node to the version the executor confirmed after its gate passed. */
    final Map<String, String> confirmed = new LinkedHashMap<>();
    final FakeMesosMasters masters = FakeMesosMasters.start(3);
    final FakeMarathons marathons = FakeMarathons.start(3);

    SimulatedPod(String zookeeper, String mesos, String marathon) {
        for (int i = 1; i <= 3; i++) {
            set("zk-" + i, zookeeper);
            set("master-" + i, mesos);
            set("marathon-" + i, marathon);
        }
        for (int i = 1; i <= 6; i++) {
            set("agent-general-" + i, mesos);
        }
        leaders.put(Role.ZOOKEEPER, "zk-1");
        leaders.put(Role.MESOS_MASTER, "master-1");
        leaders.put(Role.MARATHON, "marathon-1");
        publish();
    }

    SimulatedPod leader(Role role, String node) {
        leaders.put(role, node);
        publish();
        return this;
    }

    private void set(String node, String version) {
        versions.put(node, version);
        running.add(node);
    }

    @Override
    public Map<String, NodeVersions> deployed(PodPlan pod) {
        Map<String, NodeVersions> deployed = new LinkedHashMap<>();
        versions.forEach((node, version) -> deployed.put(node, node.startsWith("zk-")
                ? new NodeVersions(version, null, null)
                : node.startsWith("marathon-") ? new NodeVersions(null, null, version) : new NodeVersions(null, version, null)));
        return deployed;
    }

    @Override
    public synchronized void upgrade(PodPlan pod, String node, Role role, String version) {
        calls.add("upgrade " + node);
        stopped(node, role);
        versions.put(node, version);
        if (!broken.contains(node)) {
            running.add(node);
            if (leaders.get(role) == null) {
                elect(role);
            }
        }
        publish();
    }

    @Override
    public synchronized void confirm(PodPlan pod, String node, Role role, String version) {
        confirmed.put(node, version);
    }

    @Override
    public synchronized void stop(PodPlan pod, String node, Role role) {
        calls.add("stop " + node);
        stopped(node, role);
        publish();
    }

    private void stopped(String node, Role role) {
        running.remove(node);
        if (node.equals(leaders.get(role))) {
            leaders.put(role, null);
            elect(role);
        }
    }

    /** The lowest running node takes over, as one election. */
    private void elect(Role role) {
        String prefix = role == Role.ZOOKEEPER ? "zk-" : role == Role.MESOS_MASTER ? "master-" : "marathon-";
        Optional<String> next = versions.keySet().stream().filter(n -> n.startsWith(prefix) && running.contains(n)).findFirst();
        if (role == Role.ZOOKEEPER && running.stream().filter(n -> n.startsWith(prefix)).count() < 2) {
            next = Optional.empty(); // no quorum, no leader
        }
        next.ifPresent(n -> {
            leaders.put(role, n);
            elections.merge(role, 1, Integer::sum);
        });
    }

    /** Mirrors the state into the HTTP fakes. */
    private void publish() {
        String master = leaders.get(Role.MESOS_MASTER);
        for (int i = 1; i <= 3; i++) {
            String node = "master-" + i;
            masters.master(i - 1).snapshotFails(!running.contains(node)).elected(node.equals(master)).logRecovered(true)
                    .leader(master == null ? null : masters.master(index(master)).endpoint());
        }
        String marathon = leaders.get(Role.MARATHON);
        for (int i = 1; i <= 3; i++) {
            String node = "marathon-" + i;
            if (!running.contains(node) || marathon == null) {
                marathons.instance(i - 1).noLeader();
            } else if (node.equals(marathon)) {
                marathons.instance(i - 1).leads();
            } else {
                marathons.instance(i - 1).follows(marathons.instance(index(marathon)).endpoint());
            }
        }
    }

    private static int index(String node) {
        return Integer.parseInt(node.substring(node.lastIndexOf('-') + 1)) - 1;
    }

    @Override
    public PodHealth health(PodPlan pod) {
        Map<Role, Map<String, Endpoint>> endpoints = new LinkedHashMap<>();
        Map<String, Endpoint> m = new LinkedHashMap<>();
        Map<String, Endpoint> a = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            m.put("master-" + i, masters.master(i - 1).endpoint());
            a.put("marathon-" + i, marathons.instance(i - 1).endpoint());
        }
        endpoints.put(Role.MESOS_MASTER, m);
        endpoints.put(Role.MARATHON, a);
        PodHealth http = new ProbedPodHealth(endpoints);
        return new PodHealth() {
            @Override
            public Optional<HealthProbe> role(Role role) {
                return role == Role.ZOOKEEPER ? Optional.of(SimulatedPod.this::zooKeeperHealth) : http.role(role);
            }

            @Override
            public HealthProbe node(String node, Role role, String version) {
                if (role != Role.ZOOKEEPER) {
                    return http.node(node, role, version);
                }
                return () -> running.contains(node) && (version.isEmpty() || version.equals(versions.get(node)))
                        ? Health.healthy(node + " follows at " + version, Map.of())
                        : Health.unhealthy(node + " is not serving");
            }

            @Override
            public Optional<String> leader(Role role) {
                return role == Role.ZOOKEEPER ? Optional.ofNullable(leaders.get(role)) : http.leader(role);
            }

            @Override
            public Optional<String> runningVersion(String node, Role role) {
                return role == Role.ZOOKEEPER && running.contains(node) ? Optional.of(versions.get(node)) : Optional.empty();
            }
        };
    }

    private synchronized Health zooKeeperHealth() {
        long up = running.stream().filter(n -> n.startsWith("zk-")).count();
        return up == 3 && leaders.get(Role.ZOOKEEPER) != null
                ? Health.healthy("leader " + leaders.get(Role.ZOOKEEPER) + " with 2 synced followers", Map.of())
                : Health.unhealthy(up + " of 3 ZooKeeper servers serving");
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        return Optional.of(new AgentMaintenance() {
            @Override
            public void schedule(List<Machine> machines, Instant start, Duration duration) {
                maintenanceCalls.add("schedule " + names(machines));
            }

            @Override
            public void down(List<Machine> machines) {
                maintenanceCalls.add("down " + names(machines));
            }

            @Override
            public void up(List<Machine> machines) throws IOException {
                maintenanceCalls.add("up " + names(machines));
            }
        });
    }

    private static String names(List<AgentMaintenance.Machine> machines) {
        return String.join(",", machines.stream().map(AgentMaintenance.Machine::hostname).toList());
    }

    static String agent(int i) {
        return "agent-general-" + i;
    }

    @Override
    public void close() {
        masters.close();
        marathons.close();
    }
}
