package io.podctl.infra;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.aws.route53.inputs.ZoneVpcArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.podctl.plan.NetworkPlan;
import io.podctl.plan.PodPlan;
import io.podctl.plan.SecurityGroupPlan;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod's network: its VPC and one subnet per zone (or the existing ones named in the spec),
 * the least-privilege security groups of the plan with one resource per ingress rule, and the
 * private DNS zone the control hosts are found by.
 */
public final class PodNetwork extends ComponentResource {
    private static final String OPEN_WORLD = "0.0.0.0/0";

    private final Output<String> vpcId;
    // by zone name: lists of subnets handed to AWS (endpoints) keep one order however the spec
    // lists its zones, so reordering zones updates nothing that holds them all
    private final Map<String, Output<String>> subnetIds = new java.util.TreeMap<>();
    private final Map<String, Output<String>> securityGroupIds = new LinkedHashMap<>();
    private final Output<String> zoneId;
    /** Per zone, what must exist before a host there boots: its subnet's egress route and association. */
    private final Map<String, List<Resource>> bootPrerequisites = new LinkedHashMap<>();

    public PodNetwork(PodPlan plan) {
        super(ComponentTypes.NETWORK, plan.pod() + "-network", ComponentResourceOptions.Empty);
        String pod = plan.pod();
        NetworkPlan network = plan.network();
        if (network.createVpc()) {
            Vpc vpc = new Vpc(pod + "-vpc", VpcArgs.builder()
                    .cidrBlock(network.vpcCidr())
                    .enableDnsSupport(true)
                    .enableDnsHostnames(true) // the private zone's names resolve only with both on
                    .tags(Tags.named(plan.tags(), pod))
                    .build(), child());
            vpcId = vpc.id();
            for (NetworkPlan.Subnet s : network.subnets()) {
                Subnet subnet = new Subnet(pod + "-subnet-" + s.zone(), SubnetArgs.builder()
                        .vpcId(vpcId)
                        .cidrBlock(s.cidr())
                        .availabilityZone(s.zone())
                        .mapPublicIpOnLaunch(false)
                        .tags(Tags.named(plan.tags(), pod + "-" + s.zone()))
                        .build(), child());
                subnetIds.put(s.zone(), subnet.id());
            }
            egress(plan, vpc);
        } else {
            vpcId = Output.of(network.vpcId());
            network.subnets().forEach(s -> subnetIds.put(s.zone(), Output.of(s.subnetId())));
        }
        for (SecurityGroupPlan group : plan.securityGroups()) {
            SecurityGroup sg = new SecurityGroup(group.name(), SecurityGroupArgs.builder()
                    .name(group.name())
                    .description(group.description())
                    .vpcId(vpcId)
                    .revokeRulesOnDelete(true) // groups reference each other; deletion must not deadlock
                    .tags(Tags.named(plan.tags(), group.name()))
                    .build(), child());
            securityGroupIds.put(group.key(), sg.id());
        }
        for (SecurityGroupPlan group : plan.securityGroups()) {
            group.ingress().forEach(rule -> ingress(plan, group, rule));
            new SecurityGroupEgressRule(group.name() + "-egress-all", SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(securityGroupId(group.key()))
                    .ipProtocol("-1")
                    .cidrIpv4(OPEN_WORLD)
                    .description("Hosts fetch packages and reach AWS APIs")
                    .tags(Tags.named(plan.tags(), group.name() + "-egress-all"))
                    .build(), child());
        }
        Zone zone = new Zone(pod + "-dns", ZoneArgs.builder()
                .name(plan.dnsZone())
                .comment("Private names of pod " + pod)
                .vpcs(ZoneVpcArgs.builder().vpcId(vpcId).build())
                .forceDestroy(true) // records are all ours; they go with the pod
                .tags(Tags.named(plan.tags(), plan.dnsZone()))
                .build(), child());
        zoneId = zone.zoneId();
        registerOutputs(Map.of("vpcId", vpcId, "zoneId", zoneId));
    }

    /**
     * Outbound only: an internet gateway for the egress subnet, one NAT gateway there, and a
     * route table sending the private subnets' traffic through it. Nothing routes inward: the
     * hosts keep private addresses only.
     */
    private void egress(PodPlan plan, Vpc vpc) {
        String pod = plan.pod();
        NetworkPlan.Subnet spec = plan.network().egressSubnet();
        InternetGateway gateway = new InternetGateway(pod + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id()).tags(Tags.named(plan.tags(), pod + "-igw")).build(), child());
        Subnet publicSubnet = new Subnet(pod + "-subnet-egress", SubnetArgs.builder()
                .vpcId(vpc.id())
                .cidrBlock(spec.cidr())
                .availabilityZone(spec.zone())
                .mapPublicIpOnLaunch(false)
                .tags(Tags.named(plan.tags(), pod + "-egress"))
                .build(), child());
        RouteTable publicRoutes = new RouteTable(pod + "-routes-egress", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock(OPEN_WORLD).gatewayId(gateway.id()).build())
                .tags(Tags.named(plan.tags(), pod + "-routes-egress"))
                .build(), child());
        new RouteTableAssociation(pod + "-routes-egress-subnet", RouteTableAssociationArgs.builder()
                .subnetId(publicSubnet.id()).routeTableId(publicRoutes.id()).build(), child());
        Eip address = new Eip(pod + "-nat-ip", EipArgs.builder()
                .domain("vpc").tags(Tags.named(plan.tags(), pod + "-nat-ip")).build(), child());
        NatGateway nat = new NatGateway(pod + "-nat", NatGatewayArgs.builder()
                .allocationId(address.id())
                .subnetId(publicSubnet.id())
                .tags(Tags.named(plan.tags(), pod + "-nat"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(gateway).build());
        RouteTable privateRoutes = new RouteTable(pod + "-routes-private", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock(OPEN_WORLD).natGatewayId(nat.id()).build())
                .tags(Tags.named(plan.tags(), pod + "-routes-private"))
                .build(), child());
        // the table carries the 0.0.0.0/0 -> NAT route inline: it exists once the table does
        subnetIds.forEach((zone, subnetId) -> bootPrerequisites.put(zone, new ArrayList<>(List.of(privateRoutes,
                new RouteTableAssociation(pod + "-routes-private-" + zone,
                        RouteTableAssociationArgs.builder().subnetId(subnetId).routeTableId(privateRoutes.id()).build(), child())))));
        List<Resource> endpoints = VpcEndpoints.create(this, plan, vpc, privateRoutes, Output.all(List.copyOf(subnetIds.values())));
        bootPrerequisites.values().forEach(list -> list.addAll(endpoints));
    }

    /** Ingress from anywhere is never opened, whatever the tier: validate only warns for not-prod. */
    static void requireNoOpenIngress(PodPlan plan) {
        for (SecurityGroupPlan group : plan.securityGroups()) {
            for (SecurityGroupPlan.Ingress rule : group.ingress()) {
                if (OPEN_WORLD.equals(rule.cidr()) || "::/0".equals(rule.cidr())) {
                    throw new IllegalArgumentException("pod " + plan.pod() + ": security group " + group.key()
                            + " would accept port " + rule.fromPort() + " from " + rule.cidr()
                            + "; podctl never opens ingress to the whole internet (narrow access.adminCidrs)");
                }
            }
        }
    }

    private void ingress(PodPlan plan, SecurityGroupPlan group, SecurityGroupPlan.Ingress rule) {
        String ports = rule.fromPort() == rule.toPort() ? String.valueOf(rule.fromPort()) : rule.fromPort() + "-" + rule.toPort();
        String source = rule.fromGroup() != null ? rule.fromGroup() : rule.cidr().replace('/', '_');
        String name = group.name() + "-in-" + rule.protocol() + ports + "-from-" + source;
        var args = SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroupId(group.key()))
                .ipProtocol(rule.protocol())
                .fromPort(rule.fromPort())
                .toPort(rule.toPort())
                .description(rule.description())
                .tags(Tags.named(plan.tags(), name));
        if (rule.fromGroup() != null) {
            args.referencedSecurityGroupId(securityGroupId(rule.fromGroup()));
        } else {
            args.cidrIpv4(rule.cidr());
        }
        new SecurityGroupIngressRule(name, args.build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> zoneId() {
        return zoneId;
    }

    /**
     * What a host in these zones must wait for so its first boot has a way out: the private route
     * table with its NAT route and the zone's association. Empty for an existing VPC, whose
     * routing is its owner's.
     */
    public List<Resource> bootPrerequisites(Collection<String> zones) {
        Set<Resource> all = new LinkedHashSet<>();
        zones.forEach(zone -> all.addAll(bootPrerequisites.getOrDefault(zone, List.of())));
        return List.copyOf(all);
    }

    public Output<String> subnetId(String zone) {
        Output<String> id = subnetIds.get(zone);
        if (id == null) {
            throw new IllegalArgumentException("the pod has no subnet in " + zone);
        }
        return id;
    }

    public Output<String> securityGroupId(String key) {
        Output<String> id = securityGroupIds.get(key);
        if (id == null) {
            throw new IllegalArgumentException("the plan has no security group " + key);
        }
        return id;
    }

    /** The ids of the given groups, in order, as one input. */
    public Output<List<String>> securityGroupIds(List<String> keys) {
        return Output.all(keys.stream().map(this::securityGroupId).toList());
    }
}
