package io.podctl.preview;

import io.podctl.infra.PlannedResource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which inputs make the AWS provider replace a resource instead of updating it in place (its
 * "forces new" inputs), for the types the pod program declares, plus any input the program lists
 * in a resource's {@code replaceOnChanges} option. Without credentials the provider cannot be
 * asked, so this table is the mock engine's stand-in; {@code podctl preview} stays authoritative.
 */
final class ReplaceTriggers {
    private static final Map<String, Set<String>> FORCES_NEW = Map.ofEntries(
            Map.entry("aws:ec2/instance:Instance", Set.of("ami", "availabilityZone", "subnetId", "networkInterfaces", "privateIp",
                    "keyName", "placementGroup", "tenancy")),
            Map.entry("aws:ebs/volume:Volume", Set.of("availabilityZone", "encrypted", "kmsKeyId", "snapshotId", "outpostArn")),
            Map.entry("aws:ec2/networkInterface:NetworkInterface", Set.of("subnetId", "privateIp", "privateIps")),
            Map.entry("aws:ec2/volumeAttachment:VolumeAttachment", Set.of("deviceName", "instanceId", "volumeId")),
            Map.entry("aws:ec2/vpc:Vpc", Set.of("cidrBlock", "instanceTenancy")),
            Map.entry("aws:ec2/subnet:Subnet", Set.of("vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId")),
            Map.entry("aws:ec2/internetGateway:InternetGateway", Set.of()),
            Map.entry("aws:ec2/eip:Eip", Set.of("domain", "vpc", "address", "publicIpv4Pool", "customerOwnedIpv4Pool", "networkBorderGroup")),
            Map.entry("aws:ec2/natGateway:NatGateway", Set.of("allocationId", "subnetId", "connectivityType", "privateIp")),
            Map.entry("aws:ec2/routeTable:RouteTable", Set.of("vpcId")),
            // route tables, subnets, groups and private DNS of an endpoint change in place
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", Set.of("vpcId", "serviceName", "vpcEndpointType")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", Set.of("subnetId", "gatewayId")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", Set.of("name", "namePrefix", "description", "vpcId")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", Set.of("securityGroupId")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", Set.of("securityGroupId")),
            Map.entry("aws:route53/zone:Zone", Set.of("name", "delegationSetId")),
            Map.entry("aws:route53/record:Record", Set.of("zoneId", "name", "setIdentifier")),
            Map.entry("aws:iam/role:Role", Set.of("name", "namePrefix", "path", "permissionsBoundary")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", Set.of("name", "namePrefix", "role")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", Set.of("name", "namePrefix", "path")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", Set.of("name", "namePrefix")),
            Map.entry("aws:autoscaling/group:Group", Set.of("name", "namePrefix")));

    private ReplaceTriggers() {}

    /** The inputs of {@code head} whose change forces a replacement. */
    static Set<String> of(PlannedResource head) {
        Set<String> inputs = new LinkedHashSet<>(FORCES_NEW.getOrDefault(head.type(), Set.of()));
        // userDataReplaceOnChange: the provider replaces the instance rather than stop/start it with new user data
        if (Boolean.TRUE.equals(head.input("userDataReplaceOnChange"))) {
            inputs.add("userData");
            inputs.add("userDataBase64");
        }
        inputs.addAll(head.options().replaceOnChanges());
        return inputs;
    }

    static boolean forces(Set<String> triggers, ValueChange change) {
        return triggers.contains("*") || triggers.contains(change.topLevelKey());
    }

    /** Types with a table entry; a test keeps it in step with what the program declares. */
    static Set<String> knownTypes() {
        return FORCES_NEW.keySet();
    }
}
