package io.podctl.plan;

import java.util.List;

/**
 * The pod's VPC: created from a CIDR (one private subnet per zone used, plus an egress subnet
 * for the NAT gateway hosts fetch packages and reach AWS APIs through), or an existing VPC and
 * subnets whose routing is the owner's.
 *
 * @param egressSubnet       the public subnet of a created VPC (in zones[0]); null for an existing VPC
 * @param interfaceEndpoints a created VPC gets interface endpoints for SSM and Secrets Manager (the S3
 *                           gateway endpoint it always gets); false for an existing VPC, whose endpoints are its owner's
 */
public record NetworkPlan(boolean createVpc, String vpcCidr, String vpcId, List<Subnet> subnets, Subnet egressSubnet,
        boolean interfaceEndpoints) {

    /** {@code cidr} is set for created subnets, {@code subnetId} for existing ones. */
    public record Subnet(String zone, String cidr, String subnetId) {}

    public NetworkPlan {
        subnets = List.copyOf(subnets);
    }

    public Subnet subnetIn(String zone) {
        return subnets.stream().filter(s -> s.zone().equals(zone)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subnet in " + zone));
    }
}
