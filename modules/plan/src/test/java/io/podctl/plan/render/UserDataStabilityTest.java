package io.podctl.plan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A changed user-data replaces the instance: it may change only where the host changed. */
class UserDataStabilityTest {

    @Test
    void renderingTheSamePodTwiceGivesTheSameUserData() {
        Pod pod = SpecFixtures.examplePod(Rendered.PROD);
        assertThat(userDataByNode(PodPlanner.plan(pod))).isEqualTo(userDataByNode(PodPlanner.plan(pod)));
    }

    @Test
    void zooKeeperBumpInADedicatedPodChangesOnlyZooKeeperHosts() {
        PodPlan before = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));
        PodPlan after = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p").replace("zookeeper: 3.8.4", "zookeeper: 3.9.5")));
        assertThat(changedNodes(before, after)).containsExactlyInAnyOrder("zk-1", "zk-2", "zk-3");
    }

    @Test
    void mesosBumpChangesMastersAndAgentsButNotZooKeeperOrMarathon() {
        PodPlan before = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));
        PodPlan after = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p").replace("mesos: 1.11.0", "mesos: 1.12.0")));
        assertThat(changedNodes(before, after)).containsExactlyInAnyOrder("master-1", "master-2", "master-3", "agents-general");
    }

    @Test
    void upgradingOneNodeChangesOnlyThatNode() {
        Pod pod = SpecFixtures.pod("p", SpecFixtures.prodPod("p"));
        PodPlan before = PodPlanner.plan(pod);
        NodeVersions zk2 = before.host("zk-2").versions().with(Role.ZOOKEEPER, "3.9.5");
        PodPlan after = PodPlanner.plan(pod, Map.of("zk-2", zk2));
        assertThat(changedNodes(before, after)).containsExactly("zk-2");
    }

    @Test
    void marathonBumpInASharedPodChangesTheControlHostsButNotTheAgents() {
        String spec = SpecFixtures.notProdPod("s", "us-west-2a", "10.30.0.0/20");
        PodPlan before = PodPlanner.plan(SpecFixtures.pod("s", spec));
        PodPlan after = PodPlanner.plan(SpecFixtures.pod("s", spec.replace("marathon: 1.11.24", "marathon: 1.11.25")));
        assertThat(changedNodes(before, after)).containsExactlyInAnyOrder("control-1", "control-2", "control-3");
    }

    @Test
    void theMarathonSecretReferenceReachesOnlyMarathonHosts() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));
        PodPlan withoutSecret = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")
                .replace("  secrets:\n    marathonHttpCredentials: ssm:/pods/p/marathon/http-credentials\n", "")));
        assertThat(changedNodes(withoutSecret, plan)).containsExactlyInAnyOrder("marathon-1", "marathon-2", "marathon-3");
    }

    private static Map<String, String> userDataByNode(PodPlan plan) {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (Host host : plan.controlHosts()) {
            byNode.put(host.node(), host.userData());
        }
        for (AgentGroup group : plan.agentGroups()) {
            byNode.put("agents-" + group.pool(), group.userData());
        }
        return byNode;
    }

    private static Set<String> changedNodes(PodPlan before, PodPlan after) {
        Map<String, String> old = userDataByNode(before);
        Map<String, String> now = userDataByNode(after);
        assertThat(now.keySet()).isEqualTo(old.keySet());
        assertThat(List.copyOf(now.values())).allSatisfy(userData -> assertThat(userData).startsWith("#cloud-config\n"));
        return Set.copyOf(now.keySet().stream().filter(node -> !old.get(node).equals(now.get(node))).toList());
    }
}
