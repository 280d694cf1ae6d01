package io.podctl.plan.render;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import java.util.List;
import java.util.Set;

/**
 * Fills each host's and agent group's rendered files and cloud-init user-data from
 * {@code templates/bootstrap/}. Java builds the data model; the templates write every line of
 * configuration.
 *
 * <p>A host's user-data depends only on that host (its roles, index, names, versions) and on
 * pod-wide facts its roles use (the ZooKeeper hosts, the pod name, the secrets its roles consume),
 * so upgrading one node replaces one instance.
 */
public final class BootstrapRenderer {
    private BootstrapRenderer() {}

    public static PodPlan render(PodPlan topology) {
        List<Host> hosts = topology.controlHosts().stream().map(h -> renderHost(topology, h)).toList();
        List<AgentGroup> groups = topology.agentGroups().stream().map(g -> renderAgents(topology, g)).toList();
        return new PodPlan(topology.pod(), topology.tier(), topology.region(), topology.placement(), topology.colocation(),
                topology.zones(), topology.imageId(), topology.sshKeyName(), topology.dnsZone(), topology.network(),
                topology.securityGroups(), topology.identity(), hosts, groups, topology.secrets(), topology.adminCidrs(),
                topology.tags());
    }

    static Host renderHost(PodPlan plan, Host host) {
        Bootstrap bootstrap = new Bootstrap();
        HostBasics.dataVolume(bootstrap);
        if (host.runs(Role.MESOS_MASTER) || host.runs(Role.MARATHON)) {
            HostBasics.instanceFacts(bootstrap);
        }
        HostBasics.secrets(bootstrap, plan.region(), PodSecrets.fetchesFor(plan, host.roles()));
        if (host.runs(Role.ZOOKEEPER)) {
            ZooKeeperFiles.addTo(bootstrap, plan, host);
        }
        if (host.runs(Role.MESOS_MASTER)) {
            MesosMasterFiles.addTo(bootstrap, plan, host);
        }
        if (host.runs(Role.MARATHON)) {
            MarathonFiles.addTo(bootstrap, plan, host);
        }
        List<String> roles = host.roles().stream().sorted().map(Role::wire).toList();
        return host.withConfig(bootstrap.files(), bootstrap.userData(plan.pod(), host.node(), roles));
    }

    static AgentGroup renderAgents(PodPlan plan, AgentGroup group) {
        Bootstrap bootstrap = new Bootstrap();
        HostBasics.instanceFacts(bootstrap);
        HostBasics.secrets(bootstrap, plan.region(), PodSecrets.fetchesFor(plan, Set.of(Role.MESOS_AGENT)));
        MesosAgentFiles.addTo(bootstrap, plan, group);
        return group.withConfig(bootstrap.files(), bootstrap.userData(plan.pod(), "agents-" + group.pool(), List.of(Role.MESOS_AGENT.wire())));
    }
}
