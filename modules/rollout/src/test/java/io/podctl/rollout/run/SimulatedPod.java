package io.podctl.rollout.run;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.fakes.FakeMarathons;
import io.podctl.rollout.fakes.FakeMesosCluster;
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
import java.util.stream.IntStream;

/**
 * A dedicated or shared pod whose nodes live in memory: the driver side records every call,
 * ZooKeeper's health is computed from that state, and the Mesos masters and Marathon instances
 * are the fixture-based HTTP fakes, re-elected the way the real systems would after a stop.
 * Upgrading a node replaces its host, as the Pulumi driver does, so every role on it restarts.
 */
final class SimulatedPod implements NodeDriver, PodTargets, AutoCloseable {

    private static final List<Role> CONTROL = List.of(Role.ZOOKEEPER, Role.MESOS_MASTER, Role.MARATHON);

    final boolean shared;
    final List<String> calls = new ArrayList<>();
    final Map<Role, Integer> elections = new LinkedHashMap<>();
    /** By member: the node name in a dedicated pod (zk-1), role@node in a shared one (zookeeper@control-1). */
    final Map<String, String> versions = new LinkedHashMap<>();
    final Set<String> running = new HashSet<>();
    final Map<Role, String> leaders = new LinkedHashMap<>();
    /** The fewest members of each ensemble that were serving at any moment of the run. */
    final Map<Role, Integer> fewestServing = new LinkedHashMap<>();
    /** Nodes that do not come back after an upgrade (a broken release). */
    final Set<String> broken = new HashSet<>();
    final List<String> maintenanceCalls = new ArrayList<>();
    /** Node to the version the executor confirmed after its gate passed. */
    final Map<String, String> confirmed = new LinkedHashMap<>();
    /** As {@link #confirmed}, per role on the node ({@code zookeeper@control-1} on a shared host). */
    final Map<String, String> confirmedRoles = new LinkedHashMap<>();
    /** Members that come back after an upgrade still on their old version (a stale image, a failed install). */
    final Set<String> stale = new HashSet<>();
    /** The agents (6 of pool general) and Marathon's tasks (one app of 12) as the masters and Marathon serve them. */
    final FakeMesosCluster cluster = new FakeMesosCluster();
    final FakeMesosMasters masters = FakeMesosMasters.start(3);
    /** The operator credential the maintenance calls send (the pod's mesosOperatorCredential); null for none. */
    volatile io.podctl.rollout.health.HttpCredentials operator;
    final FakeMarathons marathons = FakeMarathons.start(3);

    /** A dedicated pod: zk-N, master-N, marathon-N. */
    SimulatedPod(String zookeeper, String mesos, String marathon) {
        this(false, zookeeper, mesos, marathon);
    }

    /** @param shared control-1..3 each run all three roles */
    SimulatedPod(boolean shared, String zookeeper, String mesos, String marathon) {
        this(shared, zookeeper, mesos, marathon, mesos);
    }

    SimulatedPod(boolean shared, String zookeeper, String mesos, String marathon, String agents) {
        this.shared = shared;
        for (int i = 1; i <= 3; i++) {
            set(member(i, Role.ZOOKEEPER), zookeeper);
            set(member(i, Role.MESOS_MASTER), mesos);
            set(member(i, Role.MARATHON), marathon);
        }
        for (int i = 1; i <= 6; i++) {
            set("agent-general-" + i, agents);
            cluster.register("general", agents);
        }
        cluster.app("/web", 12);
        for (int i = 0; i < 3; i++) {
            masters.master(i).cluster(cluster);
            marathons.instance(i).cluster(cluster);
        }
        leaders.put(Role.ZOOKEEPER, member(1, Role.ZOOKEEPER));
        leaders.put(Role.MESOS_MASTER, member(1, Role.MESOS_MASTER));
        leaders.put(Role.MARATHON, member(1, Role.MARATHON));
        publish();
    }

    /** The host that runs member {@code index} of the role. */
    String host(int index, Role role) {
        if (shared) {
            return "control-" + index;
        }
        return (role == Role.ZOOKEEPER ? "zk-" : role == Role.MESOS_MASTER ? "master-" : "marathon-") + index;
    }

    private String member(int index, Role role) {
        return key(host(index, role), role);
    }

    private String key(String node, Role role) {
        return shared ? role.wire() + "@" + node : node;
    }

    private static String nodeOf(String member) {
        return member.substring(member.indexOf('@') + 1);
    }

    SimulatedPod leader(Role role, String node) {
        leaders.put(role, key(node, role));
        publish();
        return this;
    }

    private void set(String member, String version) {
        versions.put(member, version);
        running.add(member);
    }

    @Override
    public synchronized Map<String, NodeVersions> deployed(PodPlan pod) {
        Map<String, NodeVersions> deployed = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            for (Role role : CONTROL) {
                String node = host(i, role);
                NodeVersions before = deployed.getOrDefault(node, new NodeVersions(null, null, null));
                deployed.put(node, before.with(role, versions.get(member(i, role))));
            }
        }
        versions.forEach((member, version) -> {
            if (member.startsWith("agent-")) {
                deployed.put(member, new NodeVersions(null, version, null));
            }
        });
        return deployed;
    }

    /** A Pulumi-like upgrade: the host is replaced, so every role on it restarts. */
    @Override
    public synchronized void upgrade(PodPlan pod, String node, Role role, String version) {
        calls.add("upgrade " + node);
        replace(node, Map.of(role, version));
    }

    @Override
    public synchronized void upgradeHost(PodPlan pod, String node, NodeVersions target) {
        calls.add("upgrade-host " + node);
        Map<Role, String> roles = new LinkedHashMap<>();
        for (Role role : CONTROL) {
            if (target.of(role) != null && versions.containsKey(key(node, role))) {
                roles.put(role, target.of(role));
            }
        }
        replace(node, roles);
    }

    private void replace(String node, Map<Role, String> changed) {
        List<Role> onHost = CONTROL.stream().filter(r -> versions.containsKey(key(node, r))).toList();
        if (onHost.isEmpty()) { // an agent
            versions.put(node, changed.values().iterator().next());
            return;
        }
        onHost.forEach(r -> stopped(key(node, r), r));
        publish();
        for (Role role : onHost) {
            String member = key(node, role);
            if (!stale.contains(member)) {
                versions.put(member, changed.getOrDefault(role, versions.get(member)));
            }
            if (!broken.contains(node) && !broken.contains(member)) {
                running.add(member);
            }
        }
        for (Role role : onHost) {
            if (leaders.get(role) == null) {
                elect(role);
            }
        }
        publish();
    }

    /** The pool's instance at the machine's IP is terminated; the group launches one from the new template. */
    @Override
    public synchronized void replaceAgent(PodPlan pod, String node, AgentMaintenance.Machine machine, String version) {
        calls.add("replace " + node + " (" + machine.hostname() + ")");
        versions.put(node, version);
        cluster.replaceInstance(machine.ip(), version);
    }

    @Override
    public synchronized String backupZooKeeper(PodPlan pod) {
        calls.add("backup zookeeper");
        return "snap-simulated";
    }

    /** Stops the role's process on the node; the host's other roles keep running. */
    @Override
    public synchronized void confirm(PodPlan pod, String node, Role role, String version) {
        confirmed.put(node, version);
        confirmedRoles.put(role.wire() + "@" + node, version);
    }

    @Override
    public synchronized void stop(PodPlan pod, String node, Role role) {
        calls.add("stop " + (shared ? role.wire() + " on " : "") + node);
        stopped(key(node, role), role);
        publish();
    }

    private void stopped(String member, Role role) {
        running.remove(member);
        if (member.equals(leaders.get(role))) {
            leaders.put(role, null);
            elect(role);
        }
    }

    /** The lowest running member takes over, as one election; ZooKeeper and Mesos need a majority. */
    private void elect(Role role) {
        List<String> up = IntStream.rangeClosed(1, 3).mapToObj(i -> member(i, role)).filter(running::contains).toList();
        if (role != Role.MARATHON && up.size() < 2) {
            return; // no quorum, no leader
        }
        if (!up.isEmpty()) {
            leaders.put(role, up.get(0));
            elections.merge(role, 1, Integer::sum);
        }
    }

    private long serving(Role role) {
        return IntStream.rangeClosed(1, 3).mapToObj(i -> member(i, role)).filter(running::contains).count();
    }

    /** Mirrors the state into the HTTP fakes and notes how many members of each ensemble serve. */
    private void publish() {
        for (Role role : CONTROL) {
            fewestServing.merge(role, (int) serving(role), Math::min);
        }
        for (Role role : List.of(Role.ZOOKEEPER, Role.MESOS_MASTER)) {
            // an ensemble without a majority has no leader (the leading master aborts, ZooKeeper stops serving)
            if (serving(role) < 2) {
                leaders.put(role, null);
            }
        }
        String master = leaders.get(Role.MESOS_MASTER);
        if (master != null) {
            cluster.masterVersion(versions.get(master));
        }
        for (int i = 1; i <= 3; i++) {
            String member = member(i, Role.MESOS_MASTER);
            masters.master(i - 1).version(versions.get(member)).snapshotFails(!running.contains(member)).elected(member.equals(master)).logRecovered(true)
                    .leader(master == null ? null : masters.master(index(master)).endpoint());
        }
        String marathon = leaders.get(Role.MARATHON);
        for (int i = 1; i <= 3; i++) {
            String member = member(i, Role.MARATHON);
            marathons.instance(i - 1).version(versions.get(member));
            if (!running.contains(member) || marathon == null) {
                marathons.instance(i - 1).noLeader();
            } else if (member.equals(marathon)) {
                marathons.instance(i - 1).leads();
            } else {
                marathons.instance(i - 1).follows(marathons.instance(index(marathon)).endpoint());
            }
        }
    }

    private static int index(String member) {
        return Integer.parseInt(member.substring(member.lastIndexOf('-') + 1)) - 1;
    }

    @Override
    public PodHealth health(PodPlan pod) {
        Map<Role, Map<String, Endpoint>> endpoints = new LinkedHashMap<>();
        Map<String, Endpoint> m = new LinkedHashMap<>();
        Map<String, Endpoint> a = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            m.put(host(i, Role.MESOS_MASTER), masters.master(i - 1).endpoint());
            a.put(host(i, Role.MARATHON), marathons.instance(i - 1).endpoint());
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
                String member = key(node, role);
                return () -> running.contains(member) && (version.isEmpty() || version.equals(versions.get(member)))
                        ? Health.healthy(node + " follows at " + version, Map.of())
                        : Health.unhealthy(node + " is not serving");
            }

            @Override
            public Optional<String> leader(Role role) {
                return role == Role.ZOOKEEPER ? Optional.ofNullable(leaders.get(role)).map(SimulatedPod::nodeOf) : http.leader(role);
            }

            @Override
            public Optional<String> runningVersion(String node, Role role) {
                String member = key(node, role);
                return role == Role.ZOOKEEPER && running.contains(member) ? Optional.ofNullable(versions.get(member)) : Optional.empty();
            }
        };
    }

    private synchronized Health zooKeeperHealth() {
        long up = serving(Role.ZOOKEEPER);
        return up == 3 && leaders.get(Role.ZOOKEEPER) != null
                ? Health.healthy("leader " + leaders.get(Role.ZOOKEEPER) + " with 2 synced followers", Map.of())
                : Health.unhealthy(up + " of 3 ZooKeeper servers serving");
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        String master = leaders.get(Role.MESOS_MASTER);
        return Optional.of(new MesosMaintenance(masters.master(master == null ? 0 : index(master)).endpoint(),
                new io.podctl.rollout.health.ProbeHttpClient(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10), operator), pod.pod()));
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
