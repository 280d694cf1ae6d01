package io.podctl.preview;

import io.podctl.plan.Host;
import io.podctl.plan.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The order a change must be applied in, from the roles whose hosts it touches
 * (operations.md, "Upgrade order inside a pod"): pod-wide resources, ZooKeeper followers then
 * the leader, Mesos masters one by one, Marathon's HA procedure, then the agents.
 */
final class RolloutOrder {
    private RolloutOrder() {}

    static List<String> of(PodDelta pod) {
        List<String> steps = new ArrayList<>();
        switch (pod.status()) {
            case ADDED -> steps.add("New pod: `podctl up " + pod.pod() + "` creates it; no running hosts to roll.");
            case REMOVED -> steps.add("Removed pod: `podctl destroy " + pod.pod()
                    + "` after its workloads moved; data volumes are kept in AWS (retainOnDelete).");
            case UNCHANGED -> { }
            case CHANGED -> changed(pod, steps);
        }
        return steps;
    }

    private static void changed(PodDelta pod, List<String> steps) {
        if (!pod.podWideChanges().isEmpty()) {
            steps.add("Pod-wide resources (network, security groups, identity, DNS zone): `podctl up " + pod.pod()
                    + "` first; it restarts no process.");
        }
        Set<Host> hosts = pod.touchedHosts();
        List<String> zk = PodDelta.nodes(hosts, Role.ZOOKEEPER);
        List<String> masters = PodDelta.nodes(hosts, Role.MESOS_MASTER);
        List<String> marathon = PodDelta.nodes(hosts, Role.MARATHON);
        if (!zk.isEmpty()) {
            steps.add("ZooKeeper " + String.join(", ", zk) + ": followers first, the leader last, one at a time; check the quorum "
                    + "(`srvr`/`mntr`) after each.");
        }
        if (!masters.isEmpty()) {
            steps.add("Mesos masters " + String.join(", ", masters) + ": one at a time; wait for `registrar/log/recovered` = 1 before the next.");
        }
        if (!marathon.isEmpty()) {
            steps.add("Marathon " + String.join(", ", marathon) + ": back up ZooKeeper, then the HA procedure: stop all but one, start one "
                    + "new instance, stop the last old one (the new one takes leadership), start the rest.");
        }
        List<String> newPools = pod.touchedAgentGroups().stream().filter(g -> pod.base().plan().agentGroups().stream()
                .noneMatch(a -> a.name().equals(g))).toList();
        List<String> runningPools = pod.touchedAgentGroups().stream().filter(g -> !newPools.contains(g)).toList();
        if (!runningPools.isEmpty()) {
            steps.add("Agents " + String.join(", ", runningPools) + ": drain through Mesos maintenance (schedule, "
                    + "machine/down, replace, machine/up); the group's instance refresh replaces a few at a time.");
        }
        if (!newPools.isEmpty()) {
            steps.add("New agent pools " + String.join(", ", newPools) + ": created by `podctl up " + pod.pod() + "`; nothing to drain.");
        }
        if (!hosts.isEmpty()) {
            steps.add("Run it as `podctl rollout plan " + pod.pod() + "` then `podctl rollout run " + pod.pod() + "`.");
        }
    }
}
