package io.podctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.SubnetClash.DeployedSubnet;
import io.podctl.spec.SpecFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetClashTest {

    /** The subnets AWS would hold after an up of this plan. */
    static List<DeployedSubnet> deployed(PodPlan plan) {
        List<DeployedSubnet> subnets = new ArrayList<>();
        for (NetworkPlan.Subnet s : plan.network().subnets()) {
            subnets.add(new DeployedSubnet("subnet-" + s.zone(), s.zone(), s.cidr()));
        }
        NetworkPlan.Subnet egress = plan.network().egressSubnet();
        subnets.add(new DeployedSubnet("subnet-egress", egress.zone(), egress.cidr()));
        return subnets;
    }

    static PodPlan prod(String zones) {
        return PodPlanner.plan(SpecFixtures.pod("prd-pod-1",
                SpecFixtures.prodPod("prd-pod-1").replace("[us-west-2a, us-west-2b, us-west-2c]", zones)));
    }

    @Test
    void zonesListedInAnotherOrderClashWithNothing() {
        List<DeployedSubnet> now = deployed(prod("[us-west-2a, us-west-2b, us-west-2c]"));

        assertThat(SubnetClash.find(prod("[us-west-2c, us-west-2a, us-west-2b]").network(), now)).isEmpty();
    }

    @Test
    void aZoneReplacedByAnotherWouldTakeTheRangeItsPredecessorStillHolds() {
        List<DeployedSubnet> now = deployed(prod("[us-west-2a, us-west-2b, us-west-2c]"));

        List<SubnetClash> clashes = SubnetClash.find(prod("[us-west-2a, us-west-2b, us-west-2d]").network(), now);

        assertThat(clashes).extracting(SubnetClash::describe)
                .containsExactly("the subnet for us-west-2d would take 10.10.128.0/18, which subnet subnet-us-west-2c in us-west-2c"
                        + " holds (10.10.128.0/18)");
    }

    @Test
    void aSingleZonePodMovedToAnotherZoneClashesForItsSubnetAndItsEgress() {
        String pod = SpecFixtures.notProdPod("not-prod-pod-1", "us-west-2a", "10.20.0.0/20");
        List<DeployedSubnet> now = deployed(PodPlanner.plan(SpecFixtures.pod("not-prod-pod-1", pod)));
        PodPlan moved = PodPlanner.plan(SpecFixtures.pod("not-prod-pod-1", pod.replace("us-west-2a", "us-west-2b")));

        assertThat(SubnetClash.find(moved.network(), now)).extracting(SubnetClash::zone, SubnetClash::range)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-west-2b", "10.20.0.0/22"),
                        org.assertj.core.groups.Tuple.tuple("us-west-2b", "10.20.12.0/22"));
    }

    @Test
    void nothingDeployedOrAnExistingVpcClashesWithNothing() {
        assertThat(SubnetClash.find(prod("[us-west-2a, us-west-2b, us-west-2d]").network(), List.of())).isEmpty();
        String text = SpecFixtures.prodPod("prd-pod-1").replace("    vpcCidr: 10.10.0.0/16\n",
                "    vpcId: vpc-0abc1234\n    subnets: {us-west-2a: subnet-0aaa1111, us-west-2b: subnet-0bbb2222, us-west-2c: subnet-0ccc3333}\n");
        PodPlan existingVpc = PodPlanner.plan(SpecFixtures.pod("prd-pod-1", text));
        assertThat(SubnetClash.find(existingVpc.network(), deployed(prod("[us-west-2a, us-west-2b, us-west-2c]")))).isEmpty();
    }
}
