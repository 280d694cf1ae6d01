package io.podctl.rollout.plan;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.spec.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares deployed per-node versions with the desired pods and orders the work. A pure function. */
public final class RolloutPlanner {

    /** Upgrade order inside a pod, from the operations notes: Mesos before Marathon, masters before agents. */
    static final List<Role> ORDER = List.of(Role.ZOOKEEPER, Role.MESOS_MASTER, Role.MARATHON, Role.MESOS_AGENT);

    private RolloutPlanner() {
    }

    /**
     * @param deployed per pod, the versions per node (zk-1, control-2, agent-general-1); a node
     *                 missing from the map has an unknown version and is planned for update
     */
    public static RolloutPlan plan(List<Pod> desired, Map<String, Map<String, NodeVersions>> deployed) {
        List<PodRollout> pods = desired.stream()
                .sorted(Comparator.comparingInt((Pod p) -> p.spec().rollout().wave()).thenComparing(Pod::name))
                .map(pod -> podRollout(pod, deployed.getOrDefault(pod.name(), Map.of())))
                .toList();
        return new RolloutPlan(pods);
    }

    public static PodRollout podRollout(Pod pod, Map<String, NodeVersions> deployed) {
        PodPlan topology = PodPlanner.plan(pod);
        List<Stage> stages = new ArrayList<>();
        for (Role role : ORDER) {
            List<NodeChange> changes = new ArrayList<>();
            List<String> upToDate = new ArrayList<>();
            for (DesiredNode node : desiredNodes(topology, role)) {
                NodeVersions current = deployed.get(node.name());
                String currentVersion = current == null || current.of(role) == null ? "" : current.of(role);
                if (Objects.equals(currentVersion, node.version())) {
                    upToDate.add(node.name());
                } else {
                    changes.add(new NodeChange(node.name(), role, currentVersion, node.version()));
                }
            }
            stages.add(new Stage(role, changes, upToDate));
        }
        return new PodRollout(pod.name(), pod.spec().rollout().wave(), pod.spec().rollout(), topology, stages);
    }

    private record DesiredNode(String name, String version) {
    }

    private static List<DesiredNode> desiredNodes(PodPlan topology, Role role) {
        if (role == Role.MESOS_AGENT) {
            List<DesiredNode> agents = new ArrayList<>();
            for (AgentGroup group : topology.agentGroups()) {
                for (int i = 1; i <= group.count(); i++) {
                    agents.add(new DesiredNode(agentNode(group, i), group.mesosVersion()));
                }
            }
            return agents;
        }
        return topology.hostsRunning(role).stream()
                .map((Host h) -> new DesiredNode(h.node(), h.versions().of(role))).toList();
    }

    /** Agents are not named by the pod plan (an auto scaling group); the rollout numbers them per pool. */
    public static String agentNode(AgentGroup group, int index) {
        return "agent-" + group.pool() + "-" + index;
    }
}
