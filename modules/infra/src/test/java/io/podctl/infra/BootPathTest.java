package io.podctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.load.SpecSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a host's first boot needs from the network: the egress route, and AWS's endpoints inside the VPC. */
class BootPathTest {
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final List<String> INTERFACES = List.of("ssm", "ssmmessages", "ec2messages", "secretsmanager");

    @AfterEach
    void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    @Test
    void hostsAndAgentGroupsWaitForTheirSubnetsNatRouteAndTheEndpoints() {
        MockEngineRun.Result run = MockEngineRun.run(PodSpecs.prodWithUserData(), ProgramOptions.defaults());

        List<String> endpoints = List.of("prd-pod-1-vpce-s3", "prd-pod-1-vpce-ssm", "prd-pod-1-vpce-ssmmessages",
                "prd-pod-1-vpce-ec2messages", "prd-pod-1-vpce-secretsmanager");
        // the private table holds the 0.0.0.0/0 -> NAT route; the association puts the host's subnet on it
        assertThat(run.find("prd-pod-1-zk-1").orElseThrow().options().dependsOn())
                .contains("prd-pod-1-routes-private", "prd-pod-1-routes-private-us-west-2a").containsAll(endpoints)
                .doesNotContain("prd-pod-1-routes-private-us-west-2b");
        assertThat(run.find("prd-pod-1-marathon-3").orElseThrow().options().dependsOn())
                .contains("prd-pod-1-routes-private", "prd-pod-1-routes-private-us-west-2c");
        assertThat(run.ofType("aws:autoscaling/group:Group")).hasSize(2).allSatisfy(g -> assertThat(g.options().dependsOn())
                .as(g.name()).contains("prd-pod-1-routes-private", "prd-pod-1-routes-private-us-west-2a",
                        "prd-pod-1-routes-private-us-west-2b", "prd-pod-1-routes-private-us-west-2c").containsAll(endpoints));
        assertThat(run.find("prd-pod-1-routes-private").orElseThrow().input("routes").toString())
                .contains("cidrBlock=0.0.0.0/0", "natGatewayId=prd-pod-1-nat");
    }

    @Test
    void zonesListedInAnotherOrderLeaveEverySubnetListAsItWas() {
        MockEngineRun.Result listed = MockEngineRun.run(PodSpecs.prodWithUserData(), ProgramOptions.defaults());
        com.pulumi.test.PulumiTest.cleanup();
        String text = SpecFixtures.prodPod("prd-pod-1").replace("[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2c, us-west-2a, us-west-2b]");
        MockEngineRun.Result reordered = MockEngineRun.run(PodPlanner.plan(SpecFixtures.pod("prd-pod-1", text)), ProgramOptions.defaults());

        assertThat(reordered.ofType("aws:autoscaling/group:Group")).isNotEmpty().allSatisfy(group -> assertThat(group.input("vpcZoneIdentifiers"))
                .as(group.name()).isEqualTo(List.of("prd-pod-1-subnet-us-west-2a", "prd-pod-1-subnet-us-west-2b", "prd-pod-1-subnet-us-west-2c")));
        for (String service : INTERFACES) {
            assertThat(reordered.find("prd-pod-1-vpce-" + service).orElseThrow().input("subnetIds")).as(service)
                    .isEqualTo(listed.find("prd-pod-1-vpce-" + service).orElseThrow().input("subnetIds"));
        }
        assertThat(reordered.find("prd-pod-1-subnet-us-west-2a").orElseThrow().input("cidrBlock"))
                .isEqualTo(listed.find("prd-pod-1-subnet-us-west-2a").orElseThrow().input("cidrBlock"));
    }

    @Test
    void aProdPodGetsAnS3GatewayAndPrivateDnsInterfaceEndpointsOpenToItsVpcOnHttpsOnly() {
        MockEngineRun.Result run = MockEngineRun.run(PodSpecs.prodWithUserData(), ProgramOptions.defaults());

        assertThat(run.find("prd-pod-1-vpce-s3").orElseThrow().inputs()).containsEntry("vpcEndpointType", "Gateway")
                .containsEntry("serviceName", "com.amazonaws.us-west-2.s3").containsEntry("vpcId", "prd-pod-1-vpc")
                .containsEntry("routeTableIds", List.of("prd-pod-1-routes-private"));
        for (String service : INTERFACES) {
            assertThat(run.find("prd-pod-1-vpce-" + service).orElseThrow().inputs()).as(service)
                    .containsEntry("vpcEndpointType", "Interface")
                    .containsEntry("serviceName", "com.amazonaws.us-west-2." + service)
                    .containsEntry("privateDnsEnabled", true)
                    .containsEntry("securityGroupIds", List.of("prd-pod-1-endpoints"))
                    .containsEntry("subnetIds", List.of("prd-pod-1-subnet-us-west-2a", "prd-pod-1-subnet-us-west-2b",
                            "prd-pod-1-subnet-us-west-2c"));
        }
        List<PlannedResource> rules = run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> "prd-pod-1-endpoints".equals(r.input("securityGroupId"))).toList();
        assertThat(rules).singleElement().satisfies(r -> assertThat(r.inputs()).containsEntry("ipProtocol", "tcp")
                .containsEntry("fromPort", 443L).containsEntry("toPort", 443L).containsEntry("cidrIpv4", "10.10.0.0/16"));
    }

    @Test
    void theSpecSwitchesInterfaceEndpointsOffOrOnAndNotProdDefaultsToOff() {
        String prodOff = SpecFixtures.prodPod("pod-p").replace("vpcCidr: 10.10.0.0/16", "vpcCidr: 10.10.0.0/16\n    interfaceEndpoints: false");
        String notProdDefault = SpecFixtures.notProdPod("pod-n", "us-west-2a", "10.31.0.0/20");
        String notProdOn = notProdDefault.replace("vpcCidr: 10.31.0.0/20", "vpcCidr: 10.31.0.0/20\n    interfaceEndpoints: true");

        assertThat(endpoints(prodOff)).containsExactly("pod-p-vpce-s3");
        assertThat(endpoints(notProdDefault)).containsExactly("pod-n-vpce-s3");
        assertThat(endpoints(notProdOn)).containsExactly("pod-n-vpce-s3", "pod-n-vpce-ssm", "pod-n-vpce-ssmmessages",
                "pod-n-vpce-ec2messages", "pod-n-vpce-secretsmanager");
    }

    @Test
    void anExistingVpcGetsNoEndpointsAndItsHostsWaitForNoRoute() {
        String text = SpecFixtures.notProdPod("pod-e", "us-west-2c", "10.30.0.0/20")
                .replace("vpcCidr: 10.30.0.0/20", "vpcId: vpc-0feed123\n    subnets: {us-west-2c: subnet-0c0c0c0c}\n    interfaceEndpoints: true");
        MockEngineRun.Result run = MockEngineRun.run(PodPlanner.plan(SpecFixtures.pod("pod-e", text)), new ProgramOptions(false));

        assertThat(run.ofType(ENDPOINT)).as("an existing VPC's endpoints are its owner's").isEmpty();
        assertThat(run.ofType("aws:ec2/instance:Instance")).allSatisfy(i -> assertThat(i.options().dependsOn()).isEmpty());
    }

    @Test
    void interfaceEndpointsMustBeABoolean() {
        String text = SpecFixtures.prodPod("pod-b").replace("vpcCidr: 10.10.0.0/16", "vpcCidr: 10.10.0.0/16\n    interfaceEndpoints: maybe");
        SpecSet set = SpecFixtures.load(Map.of("pods/pod-b.yaml", text));

        assertThat(set.findings().toString()).contains("pods/pod-b.yaml:13:", "'spec.network.interfaceEndpoints' must be true or false, not a string");
    }

    private static List<String> endpoints(String text) {
        String name = text.substring(text.indexOf("name: ") + 6, text.indexOf('\n', text.indexOf("name: ")));
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod(name, text));
        return MockEngineRun.run(plan, ProgramOptions.defaults()).ofType(ENDPOINT).stream().map(PlannedResource::name).toList();
    }
}
