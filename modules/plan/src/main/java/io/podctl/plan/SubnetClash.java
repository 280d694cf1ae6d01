package io.podctl.plan;

import io.podctl.spec.validate.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned subnet whose address range a deployed subnet of the pod in another zone still holds.
 * An update creates the new subnet before it deletes the old one, and AWS refuses overlapping
 * subnets in a VPC, so the update would fail half way (volumes and interfaces already made).
 * This is what moving a pod to other zones does; reordering its zones does not.
 *
 * @param zone     the zone of the planned subnet
 * @param range    its planned address range
 * @param deployed the deployed subnet holding (part of) that range
 */
public record SubnetClash(String zone, String range, DeployedSubnet deployed) {

    /** A subnet of the pod as AWS has it now. */
    public record DeployedSubnet(String id, String zone, String range) {
    }

    /** Every planned subnet (zones and egress) whose range a deployed subnet in another zone holds. */
    public static List<SubnetClash> find(NetworkPlan network, List<DeployedSubnet> deployed) {
        List<SubnetClash> clashes = new ArrayList<>();
        if (!network.createVpc()) {
            return clashes; // existing subnets: nothing is created
        }
        List<NetworkPlan.Subnet> planned = new ArrayList<>(network.subnets());
        if (network.egressSubnet() != null) {
            planned.add(network.egressSubnet());
        }
        for (NetworkPlan.Subnet subnet : planned) {
            Ipv4Cidr range = Ipv4Cidr.parse(subnet.cidr()).orElseThrow();
            for (DeployedSubnet existing : deployed) {
                boolean overlaps = Ipv4Cidr.parse(existing.range()).map(range::overlaps).orElse(false);
                if (overlaps && !existing.zone().equals(subnet.zone())) {
                    clashes.add(new SubnetClash(subnet.zone(), subnet.cidr(), existing));
                }
            }
        }
        return clashes;
    }

    public String describe() {
        return "the subnet for " + zone + " would take " + range + ", which subnet " + deployed.id() + " in " + deployed.zone()
                + " holds (" + deployed.range() + ")";
    }
}
