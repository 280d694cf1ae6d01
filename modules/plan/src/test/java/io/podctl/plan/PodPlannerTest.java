package io.podctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PodPlannerTest {

    @Test
    void dedicatedStripedPodHasNineControlHostsOnePerZonePerRole() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1"));
        assertThat(plan.controlHosts()).hasSize(9);
        for (Role role : Role.CONTROL) {
            List<Host> hosts = plan.hostsRunning(role);
            assertThat(hosts).extracting(Host::node).containsExactly(role.shortName() + "-1", role.shortName() + "-2", role.shortName() + "-3");
            assertThat(hosts).extracting(Host::zone).containsExactly("us-west-2a", "us-west-2b", "us-west-2c");
            assertThat(hosts).allSatisfy(h -> assertThat(h.roles()).containsExactly(role));
        }
        Host zk2 = plan.host("zk-2");
        assertThat(zk2.privateIp()).isEqualTo("10.10.64.11");
        assertThat(zk2.dnsNames()).containsExactly("zk-2.prd-pod-1.pod.internal");
        assertThat(plan.host("master-1").privateIp()).isEqualTo("10.10.0.20");
        assertThat(plan.zookeeperConnect())
                .isEqualTo("zk-1.prd-pod-1.pod.internal:2181,zk-2.prd-pod-1.pod.internal:2181,zk-3.prd-pod-1.pod.internal:2181");
    }

    @Test
    void sharedSingleZonePodHasThreeHostsCarryingAllRolesInZoneZero() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod("not-prod-pod-1"));
        assertThat(plan.controlHosts()).extracting(Host::node).containsExactly("control-1", "control-2", "control-3");
        assertThat(plan.controlHosts()).allSatisfy(h -> {
            assertThat(h.roles()).containsExactlyInAnyOrder(Role.ZOOKEEPER, Role.MESOS_MASTER, Role.MARATHON);
            assertThat(h.zone()).isEqualTo("us-west-2a");
        });
        assertThat(plan.controlHosts()).extracting(Host::privateIp).doesNotHaveDuplicates()
                .containsExactly("10.20.0.10", "10.20.0.11", "10.20.0.12");
        Host c1 = plan.host("control-1");
        assertThat(c1.dnsNames()).containsExactly("zk-1.not-prod-pod-1.pod.internal", "master-1.not-prod-pod-1.pod.internal",
                "marathon-1.not-prod-pod-1.pod.internal");
        assertThat(c1.tags()).containsEntry("podctl:role", "zookeeper+mesos-master+marathon")
                .containsEntry("podctl:versions", "zookeeper=3.8.4,mesos=1.11.0,marathon=1.11.24");
        assertThat(plan.network().subnets()).extracting(NetworkPlan.Subnet::cidr).containsExactly("10.20.0.0/22");
        assertThat(plan.network().egressSubnet()).isEqualTo(new NetworkPlan.Subnet("us-west-2a", "10.20.12.0/22", null));
    }

    @Test
    void agentsAreSpreadRoundRobinAndCarryPodAttribute() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1"));
        AgentGroup general = plan.agentGroups().get(0);
        assertThat(general.countPerZone()).isEqualTo(Map.of("us-west-2a", 2, "us-west-2b", 2, "us-west-2c", 2));
        assertThat(general.attributes()).containsEntry("pod", "prd-pod-1").containsEntry("workload", "general");
        AgentGroup memory = plan.agentGroups().get(1);
        assertThat(memory.countPerZone()).isEqualTo(Map.of("us-west-2a", 1, "us-west-2b", 1, "us-west-2c", 1));
    }

    @Test
    void securityGroupsOpenOnlyWhatEachRoleNeeds() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1"));
        Map<String, Set<String>> rules = plan.securityGroups().stream().collect(Collectors.toMap(SecurityGroupPlan::key,
                g -> g.ingress().stream().map(r -> r.fromPort() + "<-" + (r.fromGroup() != null ? r.fromGroup() : r.cidr()))
                        .collect(Collectors.toSet())));
        assertThat(rules.get("zookeeper")).containsExactlyInAnyOrder("2181<-pod", "2888<-zookeeper", "3888<-zookeeper");
        assertThat(rules.get("mesos-master")).containsExactlyInAnyOrder("5050<-mesos-agent", "5050<-mesos-master", "5050<-marathon",
                "5050<-10.0.0.0/8");
        assertThat(rules.get("marathon")).containsExactlyInAnyOrder("8080<-marathon", "8080<-10.0.0.0/8", "15101<-mesos-master");
        assertThat(rules.get("mesos-agent")).containsExactlyInAnyOrder("5051<-mesos-master", "31000<-pod");
        assertThat(rules.get("pod")).containsExactlyInAnyOrder("22<-10.0.0.0/8");
        assertThat(rules.values().stream().flatMap(Set::stream)).noneMatch(r -> r.contains("0.0.0.0/0"));
    }

    @Test
    void identityReadsOnlyThePodsOwnParameters() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-2"));
        assertThat(plan.identity().ssmParameterPaths()).containsExactly("/pods/prd-pod-2/");
        assertThat(plan.identity().secretArns()).isEmpty();
        assertThat(plan.secrets()).containsEntry("marathonHttpCredentials", "ssm:/pods/prd-pod-2/marathon/http-credentials");
    }

    @Test
    void deployedVersionOfOneNodeChangesOnlyThatNode() {
        Pod pod = SpecFixtures.examplePod("prd-pod-1");
        PodPlan desired = PodPlanner.plan(pod);
        PodPlan midRollout = PodPlanner.plan(pod, Map.of("zk-3", new NodeVersions("3.8.3", "1.11.0", "1.11.24")));
        assertThat(midRollout.host("zk-3").versions().zookeeper()).isEqualTo("3.8.3");
        assertThat(midRollout.host("zk-3").versions().mesos()).isNull();
        assertThat(midRollout.host("zk-3").tags()).containsEntry("podctl:versions", "zookeeper=3.8.3");
        for (Host h : desired.controlHosts()) {
            if (!h.node().equals("zk-3")) {
                assertThat(midRollout.host(h.node())).isEqualTo(h);
            }
        }
    }

    @Test
    void zonesListedInAnotherOrderMoveHostsButReAddressNoSubnet() {
        PodPlan listed = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1"));
        String text = SpecFixtures.prodPod("prd-pod-1").replace("[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2b, us-west-2c, us-west-2a]");
        assertThat(text).isNotEqualTo(SpecFixtures.prodPod("prd-pod-1"));
        PodPlan reordered = PodPlanner.plan(SpecFixtures.pod("prd-pod-1", text));

        for (String zone : List.of("us-west-2a", "us-west-2b", "us-west-2c")) {
            assertThat(reordered.network().subnetIn(zone)).isEqualTo(listed.network().subnetIn(zone));
        }
        assertThat(reordered.network().egressSubnet()).isEqualTo(listed.network().egressSubnet());
        assertThat(reordered.host("zk-1").zone()).isEqualTo("us-west-2b");
        assertThat(reordered.host("zk-1").privateIp()).startsWith("10.10.64.");
    }

    @Test
    void existingVpcLeavesAddressesToTheSubnets() {
        String text = SpecFixtures.prodPod("prd-pod-1").replace("    vpcCidr: 10.10.0.0/16\n",
                "    vpcId: vpc-0abc1234\n    subnets: {us-west-2a: subnet-0aaa1111, us-west-2b: subnet-0bbb2222, us-west-2c: subnet-0ccc3333}\n");
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("prd-pod-1", text));
        assertThat(plan.network().createVpc()).isFalse();
        assertThat(plan.network().subnetIn("us-west-2b").subnetId()).isEqualTo("subnet-0bbb2222");
        assertThat(plan.controlHosts()).allSatisfy(h -> assertThat(h.privateIp()).isNull());
    }

    @Test
    void imageFromSsmParameterIsResolvedByEc2AtLaunch() {
        String text = SpecFixtures.prodPod("prd-pod-1").replace("ami: ami-0123456789abcdef0", "ssmParameter: /pods/images/mesos-base");
        assertThat(PodPlanner.plan(SpecFixtures.pod("prd-pod-1", text)).imageId()).isEqualTo("resolve:ssm:/pods/images/mesos-base");
    }
}
