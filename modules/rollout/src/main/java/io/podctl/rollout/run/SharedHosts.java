package io.podctl.rollout.run;

import io.podctl.plan.Host;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import io.podctl.rollout.plan.NodeChange;
import io.podctl.rollout.plan.PodRollout;
import io.podctl.rollout.plan.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The control hosts of a shared pod, where each host runs a ZooKeeper server, a Mesos master
 * and a Marathon instance. Replacing a host restarts all three, so a host is the unit of change:
 * it is upgraded once for every role, the hosts leading fewest ensembles first, and its gate is
 * every role on it at the version it now runs plus every ensemble's quorum. When Marathon
 * changes, its HA procedure stops Marathon processes only, never a host: stopping two hosts
 * would take two of three ZooKeeper servers and Mesos masters with them.
 */
final class SharedHosts {

    static final String UPGRADE_HOST = "upgrade-host";
    private static final List<Role> CONTROL_ROLES = List.of(Role.ZOOKEEPER, Role.MESOS_MASTER, Role.MARATHON);

    private final NodeDriver driver;
    private final PodHealth health;
    private final RolloutExecutor.Steps steps;
    private final Consumer<String> progress;

    SharedHosts(NodeDriver driver, PodHealth health, RolloutExecutor.Steps steps, Consumer<String> progress) {
        this.driver = driver;
        this.health = health;
        this.steps = steps;
        this.progress = progress;
    }

    void upgrade(PodRollout pod) throws RolloutExecutor.Stop, InterruptedException {
        Map<String, NodeVersions> targets = changedHosts(pod);
        if (targets.isEmpty()) {
            return;
        }
        List<String> marathonChanges = pod.stages().stream().filter(s -> s.role() == Role.MARATHON)
                .flatMap(s -> s.changes().stream()).map(NodeChange::node).toList();
        List<String> remaining = new ArrayList<>(targets.keySet());
        if (marathonChanges.size() > 1) {
            marathonHa(pod, targets, marathonChanges, remaining);
        }
        while (!remaining.isEmpty()) {
            String next = fewestLeaderships(pod, remaining);
            remaining.remove(next);
            upgradeHost(pod, next, targets.get(next));
        }
    }

    /**
     * Marathon's HA procedure with process stops: stop every Marathon but the leader's, upgrade
     * one host (its Marathon comes back at the new version as a standby), stop the last old
     * Marathon (the new one takes over and migrates the state); the caller upgrades the rest.
     */
    private void marathonHa(PodRollout pod, Map<String, NodeVersions> targets, List<String> marathonChanges, List<String> remaining)
            throws RolloutExecutor.Stop, InterruptedException {
        Role role = Role.MARATHON;
        String leader = health.leader(role).filter(marathonChanges::contains).orElse(marathonChanges.get(0));
        List<String> others = marathonChanges.stream().filter(n -> !n.equals(leader)).toList();
        for (String node : others) {
            steps.run(pod, new Step(pod.pod(), role, node, "stop", ""), () -> driver.stop(pod.topology(), node, role),
                    Gate.allOf(role.wire() + " still led by " + leader + ", other ensembles in quorum",
                            List.of(ledBy(leader), quorum(Role.ZOOKEEPER), quorum(Role.MESOS_MASTER))));
        }
        String first = fewestLeaderships(pod, others);
        remaining.remove(first);
        upgradeHost(pod, first, targets.get(first));
        steps.run(pod, new Step(pod.pod(), role, leader, "stop-last-old", ""), () -> driver.stop(pod.topology(), leader, role),
                Gate.allOf(role.wire() + " led by new " + first + ", other ensembles in quorum",
                        List.of(quorum(role), ledBy(first), health.node(first, role, targets.get(first).marathon()),
                                quorum(Role.ZOOKEEPER), quorum(Role.MESOS_MASTER))));
    }

    /**
     * Touches the host only once every quorum it takes part in is whole: a member that stopped
     * serving since the last gate (a partition, a slow sync) plus this host's restart could be
     * a majority down.
     */
    private void upgradeHost(PodRollout pod, String node, NodeVersions target) throws RolloutExecutor.Stop, InterruptedException {
        steps.run(pod, hostStep(pod, node, target), () -> driver.upgradeHost(pod.topology(), node, target),
                hostGate(pod.topology().host(node), target), beforeTouching(pod.topology().host(node)));
    }

    /** Every member of the host's ZooKeeper and Mesos master ensembles serving; Marathon's own procedure gates its stops. */
    Gate beforeTouching(Host host) {
        List<HealthProbe> probes = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (Role role : List.of(Role.ZOOKEEPER, Role.MESOS_MASTER)) {
            if (host.runs(role) && health.role(role).isPresent()) {
                probes.add(health.role(role).get());
                what.add(role.wire());
            }
        }
        if (probes.isEmpty()) {
            probes.add(() -> Health.healthy("no quorum observable from here", Map.of()));
        }
        return Gate.allOf(String.join(" and ", what) + " healthy before " + host.node() + " is touched", probes);
    }

    /** A resume finishing a host step a killed run left in flight, once {@code before} holds. */
    void finish(PodRollout pod, String node, Gate before) throws RolloutExecutor.Stop, InterruptedException {
        NodeVersions target = target(pod, node).orElseThrow();
        steps.run(pod, hostStep(pod, node, target), () -> driver.upgradeHost(pod.topology(), node, target),
                hostGate(pod.topology().host(node), target), before);
    }

    /** The versions all roles of a control host run once its step is done. */
    static java.util.Optional<NodeVersions> target(PodRollout pod, String node) {
        return pod.topology().controlHosts().stream().filter(h -> h.node().equals(node)).findFirst()
                .map(h -> h.versions().forRoles(h.roles()));
    }

    private static Step hostStep(PodRollout pod, String node, NodeVersions target) {
        Host host = pod.topology().host(node);
        Role first = CONTROL_ROLES.stream().filter(host::runs).findFirst().orElseThrow();
        return new Step(pod.pod(), first, node, UPGRADE_HOST, target.tag());
    }

    /** Every role on the host back at the version it now runs, and every ensemble in quorum. */
    Gate hostGate(Host host, NodeVersions target) {
        List<HealthProbe> probes = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (Role role : CONTROL_ROLES) {
            // a role not observable from here (a local fleet runs only ZooKeeper) is reported, as before a pod starts
            if (host.runs(role) && health.role(role).isPresent()) {
                probes.add(health.node(host.node(), role, target.of(role)));
                probes.add(quorum(role));
                what.add(role.wire() + " " + target.of(role));
            }
        }
        return Gate.allOf(host.node() + " back with " + String.join(", ", what) + "; every ensemble in quorum", probes);
    }

    /** The hosts whose versions change, with the versions all their roles will run. */
    private static Map<String, NodeVersions> changedHosts(PodRollout pod) {
        Map<String, NodeVersions> targets = new LinkedHashMap<>();
        for (Stage stage : pod.stages()) {
            if (stage.role() == Role.MESOS_AGENT) {
                continue;
            }
            for (NodeChange change : stage.changes()) {
                Host host = pod.topology().host(change.node());
                targets.put(host.node(), host.versions().forRoles(host.roles()));
            }
        }
        return targets;
    }

    /** The host that leads the fewest ensembles now (by name on a tie): leaders go last, one election each. */
    private String fewestLeaderships(PodRollout pod, List<String> candidates) {
        Map<Role, Optional<String>> leaders = new LinkedHashMap<>();
        CONTROL_ROLES.forEach(role -> leaders.put(role, health.leader(role)));
        String next = candidates.stream().min(Comparator.<String>comparingLong(node -> leaders.values().stream()
                .filter(l -> l.filter(node::equals).isPresent()).count()).thenComparing(Comparator.naturalOrder())).orElseThrow();
        List<String> leads = leaders.entrySet().stream().filter(e -> e.getValue().filter(next::equals).isPresent())
                .map(e -> e.getKey().wire()).toList();
        if (!leads.isEmpty()) {
            progress.accept(pod.pod() + " " + next + " leads" + (candidates.size() == 1 ? ", restarting it last" : "")
                    + " (" + String.join(", ", leads) + "); hosts leading fewer ensembles went first");
        }
        return next;
    }

    private HealthProbe quorum(Role role) {
        return health.role(role).orElse(() -> Health.healthy(role.wire() + " not observable", Map.of()));
    }

    private HealthProbe ledBy(String node) {
        return () -> health.leader(Role.MARATHON).filter(node::equals).isPresent()
                ? Health.healthy(node + " leads marathon", Map.of("leader", node))
                : Health.unhealthy(node + " does not lead marathon (leader: " + health.leader(Role.MARATHON).orElse("none") + ")");
    }
}
