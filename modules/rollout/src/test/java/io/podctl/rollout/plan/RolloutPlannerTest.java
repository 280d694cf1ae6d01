package io.podctl.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.Role;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutPlannerTest {

    static Map<String, NodeVersions> everyNodeAt(String zookeeper, String mesos, String marathon) {
        Map<String, NodeVersions> deployed = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            deployed.put("zk-" + i, new NodeVersions(zookeeper, null, null));
            deployed.put("master-" + i, new NodeVersions(null, mesos, null));
            deployed.put("marathon-" + i, new NodeVersions(null, null, marathon));
            deployed.put("control-" + i, new NodeVersions(zookeeper, mesos, marathon));
        }
        for (int i = 1; i <= 6; i++) {
            deployed.put("agent-general-" + i, new NodeVersions(null, mesos, null));
        }
        return deployed;
    }

    @Test
    void podsRollByWaveAndRolesInUpgradeOrder() {
        Pod prod = SpecFixtures.pod("prd-pod-1", SpecFixtures.prodPod("prd-pod-1").replace("mesos: 1.11.0", "mesos: 1.12.0"));
        Pod notProd = SpecFixtures.pod("np-1", SpecFixtures.notProdPod("np-1", "us-west-2a", "10.20.0.0/20")
                .replace("mesos: 1.11.0", "mesos: 1.12.0"));

        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd),
                Map.of("prd-pod-1", everyNodeAt("3.8.4", "1.11.0", "1.11.24"), "np-1", everyNodeAt("3.8.4", "1.11.0", "1.11.24")));

        assertThat(plan.pods()).extracting(PodRollout::pod).containsExactly("np-1", "prd-pod-1");
        PodRollout prodRollout = plan.pods().get(1);
        assertThat(prodRollout.stages()).extracting(Stage::role)
                .containsExactly(Role.ZOOKEEPER, Role.MESOS_MASTER, Role.MARATHON, Role.MESOS_AGENT);
        assertThat(prodRollout.stages().get(0).needsUpdate()).isFalse();
        assertThat(prodRollout.stages().get(1).changes()).extracting(NodeChange::node).containsExactly("master-1", "master-2", "master-3");
        assertThat(prodRollout.stages().get(3).changes()).hasSize(6);
        assertThat(prodRollout.nodeSteps()).isEqualTo(9);
    }

    @Test
    void podAtTargetIsUpToDate() {
        Pod prod = SpecFixtures.pod("prd-pod-1", SpecFixtures.prodPod("prd-pod-1"));

        RolloutPlan plan = RolloutPlanner.plan(List.of(prod), Map.of("prd-pod-1", everyNodeAt("3.8.4", "1.11.0", "1.11.24")));

        assertThat(plan.upToDate()).isTrue();
        assertThat(plan.pods().get(0).upToDate()).isTrue();
    }

    @Test
    void onlyNodesWhoseVersionDiffersAreChanged() {
        Pod prod = SpecFixtures.pod("prd-pod-1", SpecFixtures.prodPod("prd-pod-1").replace("zookeeper: 3.8.4", "zookeeper: 3.9.5"));
        Map<String, NodeVersions> deployed = everyNodeAt("3.8.4", "1.11.0", "1.11.24");
        deployed.put("zk-2", new NodeVersions("3.9.5", null, null));

        Stage zookeeper = RolloutPlanner.plan(List.of(prod), Map.of("prd-pod-1", deployed)).pods().get(0).stages().get(0);

        assertThat(zookeeper.changes()).extracting(NodeChange::node).containsExactly("zk-1", "zk-3");
        assertThat(zookeeper.upToDate()).containsExactly("zk-2");
        assertThat(zookeeper.order()).contains("leader last (found at run time)");
    }
}
