package io.podctl.plan;

import io.podctl.spec.model.ArtifactManifest;
import io.podctl.spec.model.Colocation;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Tier;
import java.util.List;
import java.util.Map;

/**
 * Everything a pod is made of, resolved from its spec: the single source that the Pulumi
 * program, {@code podctl plan}, the rollout and the pull-request diff all read. No Pulumi types.
 *
 * @param imageId     an AMI id, or {@code resolve:ssm:<parameter>} which EC2 resolves at launch
 * @param dnsZone     the private hosted zone, e.g. prd-pod-1.pod.internal
 * @param secrets     the spec's secret references by name (references, never values)
 * @param tags        tags every resource carries: podctl:pod, podctl:tier and the pod's labels
 * @param artifacts   the fleet's artifact manifest: where hosts fetch each version they install
 */
public record PodPlan(
        String pod,
        Tier tier,
        String region,
        Placement placement,
        Colocation colocation,
        List<String> zones,
        String imageId,
        String sshKeyName,
        String dnsZone,
        NetworkPlan network,
        List<SecurityGroupPlan> securityGroups,
        IdentityPlan identity,
        List<Host> controlHosts,
        List<AgentGroup> agentGroups,
        Map<String, String> secrets,
        List<String> adminCidrs,
        Map<String, String> tags,
        ArtifactManifest artifacts) {

    public PodPlan {
        zones = List.copyOf(zones);
        securityGroups = List.copyOf(securityGroups);
        controlHosts = List.copyOf(controlHosts);
        agentGroups = List.copyOf(agentGroups);
        secrets = Map.copyOf(secrets);
        adminCidrs = List.copyOf(adminCidrs);
        tags = Map.copyOf(tags);
    }

    /** The same pod with other control hosts and agent groups (rendered ones, or test doubles). */
    public PodPlan withMachines(List<Host> hosts, List<AgentGroup> groups) {
        return new PodPlan(pod, tier, region, placement, colocation, zones, imageId, sshKeyName, dnsZone, network, securityGroups,
                identity, hosts, groups, secrets, adminCidrs, tags, artifacts);
    }

    /** The hosts that run a role, in index order. */
    public List<Host> hostsRunning(Role role) {
        return controlHosts.stream().filter(h -> h.runs(role)).toList();
    }

    public Host host(String node) {
        return controlHosts.stream().filter(h -> h.node().equals(node)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pod " + pod + " has no node " + node));
    }

    /** {@code zk://zk-1.<zone>:2181,zk-2...:2181,zk-3...:2181} without a chroot. */
    public String zookeeperConnect() {
        return String.join(",", hostsRunning(Role.ZOOKEEPER).stream().map(h -> dnsNameFor(h, Role.ZOOKEEPER) + ":" + Ports.ZOOKEEPER_CLIENT).toList());
    }

    /** The DNS name of a host for one role (a shared host has one per role). */
    public String dnsNameFor(Host host, Role role) {
        String prefix = role.shortName() + "-" + host.index() + ".";
        return host.dnsNames().stream().filter(n -> n.startsWith(prefix)).findFirst().orElse(host.dnsName());
    }
}
