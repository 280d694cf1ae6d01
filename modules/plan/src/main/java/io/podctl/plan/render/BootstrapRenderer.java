package io.podctl.plan.render;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills each host's and agent group's rendered files and cloud-init user-data from
 * {@code templates/bootstrap/}. Java builds the data model; the templates write every line of
 * configuration.
 *
 * <p>A host boots through a chain of steps (image check, data volume, instance facts, secrets,
 * installs), each a oneshot unit that starts only when the one before succeeded; the role
 * services start after the last. A failed step stops there and leaves a marker in SSM.
 *
 * <p>A host's user-data depends only on that host (its roles, index, names, versions) and on
 * pod-wide facts its roles use (the ZooKeeper hosts, the pod name, the secrets its roles consume,
 * the manifest entries of its versions), so upgrading one node replaces one instance.
 */
public final class BootstrapRenderer {
    private BootstrapRenderer() {}

    public static PodPlan render(PodPlan topology) {
        List<Host> hosts = topology.controlHosts().stream().map(h -> renderHost(topology, h)).toList();
        List<AgentGroup> groups = topology.agentGroups().stream().map(g -> renderAgents(topology, g)).toList();
        return topology.withMachines(hosts, groups);
    }

    static Host renderHost(PodPlan plan, Host host) {
        Bootstrap bootstrap = new Bootstrap(plan.pod(), plan.region(), host.node(), false);
        HostBasics.imageCheck(bootstrap, imageChecks(host.roles()));
        HostBasics.dataVolume(bootstrap);
        if (host.runs(Role.MESOS_MASTER) || host.runs(Role.MARATHON)) {
            HostBasics.instanceFacts(bootstrap);
        }
        HostBasics.secrets(bootstrap, plan.region(), PodSecrets.fetchesFor(plan, host.roles()));
        HostBasics.artifacts(bootstrap, plan.region());
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
        return host.withConfig(bootstrap.files(), bootstrap.userData(host.node(), roles));
    }

    static AgentGroup renderAgents(PodPlan plan, AgentGroup group) {
        String node = PodPlanner.agentsNode(group.pool());
        Bootstrap bootstrap = new Bootstrap(plan.pod(), plan.region(), node, true);
        HostBasics.imageCheck(bootstrap, imageChecks(Set.of(Role.MESOS_AGENT)));
        HostBasics.instanceFacts(bootstrap);
        HostBasics.secrets(bootstrap, plan.region(), PodSecrets.fetchesFor(plan, Set.of(Role.MESOS_AGENT)));
        HostBasics.artifacts(bootstrap, plan.region());
        MesosAgentFiles.addTo(bootstrap, plan, group);
        return group.withConfig(bootstrap.files(), bootstrap.userData(node, List.of(Role.MESOS_AGENT.wire())));
    }

    /** What the host's roles need from the image beyond the OS and tools every host has. */
    static List<ImageContract.Check> imageChecks(Set<Role> roles) {
        ImageContract image = ImageContract.DEBIAN_12;
        List<ImageContract.Check> checks = new ArrayList<>();
        if (roles.contains(Role.ZOOKEEPER)) {
            checks.add(image.java17());
        }
        if (roles.contains(Role.MARATHON)) {
            checks.add(image.java8());
        }
        if (roles.contains(Role.MESOS_AGENT)) {
            checks.add(image.cgroupV1());
            checks.add(image.docker());
        }
        return checks;
    }
}
