package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.spec.SpecFixtures;
import org.junit.jupiter.api.Test;

class DirectTargetsTest {

    @Test
    void sharedHostsAreProbedUnderEachRolesOwnNameAndPort() {
        var plan = PodPlanner.plan(SpecFixtures.examplePod("not-prod-pod-1"));
        assertThat(DirectTargets.endpoints(plan, Role.ZOOKEEPER, 2181)).containsEntry("control-2",
                new Endpoint("zk-2.not-prod-pod-1.pod.internal", 2181));
        assertThat(DirectTargets.endpoints(plan, Role.MARATHON, 8080)).containsEntry("control-3",
                new Endpoint("marathon-3.not-prod-pod-1.pod.internal", 8080));
    }

    @Test
    void dedicatedMastersAreProbedOnTheirOwnHosts() {
        var plan = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1"));
        assertThat(DirectTargets.endpoints(plan, Role.MESOS_MASTER, 5050)).containsOnlyKeys("master-1", "master-2", "master-3")
                .containsEntry("master-1", new Endpoint("master-1.prd-pod-1.pod.internal", 5050));
    }
}
