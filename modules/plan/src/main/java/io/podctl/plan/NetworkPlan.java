package io.podctl.plan;

import java.util.List;

/** The pod's VPC: created from a CIDR (one subnet per zone used) or an existing VPC and subnets. */
public record NetworkPlan(boolean createVpc, String vpcCidr, String vpcId, List<Subnet> subnets) {

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
