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

class NotProdFirstTest {

    static Pod prod(String zookeeper) {
        return SpecFixtures.pod("prd-pod-1", SpecFixtures.prodPod("prd-pod-1").replace("zookeeper: 3.8.4", "zookeeper: " + zookeeper));
    }

    static Pod notProd(String zookeeper) {
        return SpecFixtures.pod("not-prod-pod-1", SpecFixtures.notProdPod("not-prod-pod-1", "us-west-2a", "10.20.0.0/20")
                .replace("zookeeper: 3.8.4", "zookeeper: " + zookeeper));
    }

    /** Every node of the pod at these versions. */
    static Map<String, NodeVersions> at(Pod pod, String zookeeper) {
        Map<String, NodeVersions> versions = new LinkedHashMap<>();
        RolloutPlanner.podRollout(pod, Map.of()).stages().forEach(stage -> stage.changes().forEach(c ->
                versions.merge(c.node(), versionOf(c.role(), c.role() == Role.ZOOKEEPER ? zookeeper : c.target()),
                        NotProdFirstTest::merge)));
        return versions;
    }

    static NodeVersions versionOf(Role role, String version) {
        return switch (role) {
            case ZOOKEEPER -> new NodeVersions(version, null, null);
            case MESOS_MASTER, MESOS_AGENT -> new NodeVersions(null, version, null);
            case MARATHON -> new NodeVersions(null, null, version);
        };
    }

    static NodeVersions merge(NodeVersions a, NodeVersions b) {
        return new NodeVersions(a.zookeeper() != null ? a.zookeeper() : b.zookeeper(), a.mesos() != null ? a.mesos() : b.mesos(),
                a.marathon() != null ? a.marathon() : b.marathon());
    }

    @Test
    void aProdPodAloneTakesVersionsNoNotProdPodRuns() {
        Pod prod = prod("3.9.5");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod), Map.of(prod.name(), at(prod, "3.8.4")));

        assertThat(NotProdFirst.unproven(plan)).containsOnlyKeys("prd-pod-1");
        assertThat(NotProdFirst.unproven(plan).get("prd-pod-1")).containsExactly(new RoleVersion(Role.ZOOKEEPER, "3.9.5"));
        assertThat(NotProdFirst.refusal("prd-pod-1", NotProdFirst.unproven(plan).get("prd-pod-1")))
                .startsWith("prd-pod-1 would run zookeeper 3.9.5, which no not-prod pod of this rollout runs yet");
    }

    @Test
    void aNotProdPodBeforeItAtTheSameVersionsProvesThem() {
        Pod prod = prod("3.9.5");
        Pod notProd = notProd("3.9.5");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd),
                Map.of(prod.name(), at(prod, "3.8.4"), notProd.name(), at(notProd, "3.8.4")));

        assertThat(NotProdFirst.unproven(plan)).isEmpty();
    }

    @Test
    void aNotProdPodAtOtherVersionsProvesNothing() {
        Pod prod = prod("3.9.5");
        Pod notProd = notProd("3.8.4");
        RolloutPlan plan = RolloutPlanner.plan(List.of(prod, notProd),
                Map.of(prod.name(), at(prod, "3.8.4"), notProd.name(), at(notProd, "3.8.4")));

        assertThat(NotProdFirst.unproven(plan)).containsOnlyKeys("prd-pod-1");
    }
}
