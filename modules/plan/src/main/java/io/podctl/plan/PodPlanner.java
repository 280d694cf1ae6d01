package io.podctl.plan;

import io.podctl.plan.render.BootstrapRenderer;
import io.podctl.plan.render.PodSecrets;
import io.podctl.spec.model.AgentPool;
import io.podctl.spec.model.Colocation;
import io.podctl.spec.model.Network;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Pod;
import io.podctl.spec.model.PodSpec;
import io.podctl.spec.validate.Ipv4Cidr;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pure function from a validated pod to its {@link PodPlan}. Node versions default to the
 * spec's; a rollout passes the versions actually deployed per node, so that only the node it is
 * upgrading changes.
 */
public final class PodPlanner {
    /** Host offsets inside a subnet per role; AWS reserves the first four addresses. */
    private static final Map<Role, Integer> IP_BASE = Map.of(Role.ZOOKEEPER, 10, Role.MESOS_MASTER, 20, Role.MARATHON, 30);
    private static final int SHARED_IP_BASE = 10;

    private PodPlanner() {}

    public static PodPlan plan(Pod pod) {
        return plan(pod, Map.of());
    }

    /**
     * @param deployedVersions versions per node name (zk-1, control-2, ...; agents-&lt;pool&gt; for a
     *                         whole agent pool) that differ from the spec
     */
    public static PodPlan plan(Pod pod, Map<String, NodeVersions> deployedVersions) {
        PodSpec spec = pod.spec();
        String name = pod.name();
        List<String> zones = spec.usedZones();
        NetworkPlan network = network(spec, zones);
        Map<String, String> tags = baseTags(pod);
        String dnsZone = name + ".pod.internal";
        NodeVersions desired = new NodeVersions(spec.versions().zookeeper(), spec.versions().mesos(), spec.versions().marathon());

        List<Host> hosts = new ArrayList<>();
        if (spec.colocation() == Colocation.SHARED) {
            for (int i = 1; i <= 3; i++) {
                hosts.add(host(pod, "control-" + i, i, EnumSet.copyOf(Role.CONTROL), zoneOf(spec, zones, i), network, SHARED_IP_BASE,
                        dnsZone, desired, deployedVersions, tags));
            }
        } else {
            for (Role role : Role.CONTROL) {
                for (int i = 1; i <= 3; i++) {
                    hosts.add(host(pod, role.shortName() + "-" + i, i, EnumSet.of(role), zoneOf(spec, zones, i), network,
                            IP_BASE.get(role), dnsZone, desired, deployedVersions, tags));
                }
            }
        }
        List<AgentGroup> agents = spec.agents().stream()
                .map(p -> agentGroup(pod, p, zones, tags, deployedVersions.getOrDefault(agentsNode(p.name()), desired).mesos()))
                .toList();
        PodPlan topology = new PodPlan(name, spec.tier(), spec.region(), spec.placement(), spec.colocation(), zones,
                imageId(spec), spec.access().sshKeyName(), dnsZone, network, SecurityGroups.forPod(name, spec),
                identity(name, spec), hosts, agents, spec.secrets(), spec.access().adminCidrs(), tags, pod.artifacts());
        return BootstrapRenderer.render(topology);
    }

    /** Stripe: host i of each role in zone i; single-zone: all in zones[0]. */
    private static String zoneOf(PodSpec spec, List<String> zones, int index) {
        return spec.placement() == Placement.STRIPE ? zones.get(index - 1) : zones.get(0);
    }

    private static Host host(Pod pod, String node, int index, Set<Role> roles, String zone, NetworkPlan network, int ipBase,
            String dnsZone, NodeVersions desired, Map<String, NodeVersions> deployed, Map<String, String> baseTags) {
        NetworkPlan.Subnet subnet = network.subnetIn(zone);
        String ip = subnet.cidr() == null ? null : Ipv4Cidr.parse(subnet.cidr()).orElseThrow().host(ipBase + index - 1L);
        List<String> dns = roles.stream().sorted().map(r -> r.shortName() + "-" + index + "." + dnsZone).toList();
        NodeVersions versions = deployed.getOrDefault(node, desired).forRoles(roles);
        Map<String, String> tags = new TreeMap<>(baseTags);
        tags.put("Name", pod.name() + "-" + node);
        tags.put("podctl:role", String.join("+", roles.stream().sorted().map(Role::wire).toList()));
        tags.put("podctl:node", node);
        tags.put("podctl:versions", versions.tag());
        return new Host(pod.name() + "-" + node, node, index, roles, zone, ip, dns, pod.spec().masters().instanceType(),
                pod.spec().masters().dataVolumeGiB(), versions, tags, List.of(), "");
    }

    /** The node name of a whole agent pool, as tagged and as the stack reports it. */
    public static String agentsNode(String pool) {
        return "agents-" + pool;
    }

    private static AgentGroup agentGroup(Pod pod, AgentPool pool, List<String> zones, Map<String, String> baseTags, String mesosVersion) {
        Map<String, Integer> perZone = new LinkedHashMap<>();
        for (int i = 0; i < pool.count(); i++) {
            perZone.merge(zones.get(i % zones.size()), 1, Integer::sum);
        }
        Map<String, String> attributes = new TreeMap<>(pool.attributes());
        attributes.put("pod", pod.name());
        attributes.put("pool", pool.name()); // the rollout tells a pool's registered agents apart by it
        Map<String, String> tags = new TreeMap<>(baseTags);
        tags.put("Name", pod.name() + "-agents-" + pool.name());
        tags.put("podctl:role", Role.MESOS_AGENT.wire());
        tags.put("podctl:node", agentsNode(pool.name()));
        tags.put("podctl:versions", "mesos=" + mesosVersion);
        return new AgentGroup(pod.name() + "-" + agentsNode(pool.name()), pool.name(), pool.instanceType(), pool.count(), zones, perZone,
                attributes, mesosVersion, tags, List.of(), "");
    }

    private static NetworkPlan network(PodSpec spec, List<String> zones) {
        Network net = spec.network();
        List<NetworkPlan.Subnet> subnets = new ArrayList<>();
        if (net.createsVpc()) {
            // four equal quarters: one per zone by the zone's rank in name order, the last holds the
            // NAT gateway in the first zone by name. Listing the zones in another order then moves
            // hosts but re-addresses no subnet: a re-addressed subnet's replacement is created while
            // the subnet holding its new range still exists, and AWS refuses the overlap.
            Ipv4Cidr vpc = Ipv4Cidr.parse(net.vpcCidr()).orElseThrow();
            List<String> byName = zones.stream().distinct().sorted().toList();
            for (String zone : zones) {
                subnets.add(new NetworkPlan.Subnet(zone, vpc.subnet(vpc.prefix() + 2, byName.indexOf(zone)).toString(), null));
            }
            NetworkPlan.Subnet egress = new NetworkPlan.Subnet(byName.get(0), vpc.subnet(vpc.prefix() + 2, 3).toString(), null);
            return new NetworkPlan(true, net.vpcCidr(), null, subnets, egress, net.interfaceEndpointsFor(spec.tier()));
        }
        for (String zone : zones) {
            subnets.add(new NetworkPlan.Subnet(zone, null, net.subnets().get(zone)));
        }
        return new NetworkPlan(false, null, net.vpcId(), subnets, null, false);
    }

    private static String imageId(PodSpec spec) {
        return spec.image().ami() != null ? spec.image().ami() : "resolve:ssm:" + spec.image().ssmParameter();
    }

    private static IdentityPlan identity(String pod, PodSpec spec) {
        List<String> secretArns = spec.secrets().values().stream().filter(v -> v.startsWith("secretsmanager:"))
                .map(v -> v.substring("secretsmanager:".length())).sorted().toList();
        List<String> ssmPaths = new ArrayList<>();
        ssmPaths.add("/pods/" + pod + "/");
        return new IdentityPlan(pod + "-host", ssmPaths, secretArns, pod + "-agent",
                PodSecrets.referencesConsumedBy(spec.secrets(), Role.MESOS_AGENT));
    }

    private static Map<String, String> baseTags(Pod pod) {
        Map<String, String> tags = new TreeMap<>(pod.metadata().labels());
        tags.put("podctl:pod", pod.name());
        tags.put("podctl:tier", pod.spec().tier().wire());
        return tags;
    }
}
