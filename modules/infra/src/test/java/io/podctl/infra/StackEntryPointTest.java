package io.podctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.plan.PodPlan;
import io.podctl.spec.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pulumi up -s <stack>`: the stack name picks the pod file, and a broken fleet deploys nothing. */
class StackEntryPointTest {

    @Test
    void stackNameSelectsThePodFileWithFleetDefaults() {
        PodPlan plan = StackEntryPoint.planFor("prd-pod-2", SpecFixtures.podsDir());
        assertThat(plan.pod()).isEqualTo("prd-pod-2");
        assertThat(plan.imageId()).isEqualTo("ami-0123456789abcdef0"); // from fleet.yaml
        assertThat(plan.controlHosts()).hasSize(9);
    }

    @Test
    void stackWithoutAPodFileOrWithSpecErrorsIsRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> StackEntryPoint.planFor("dev", SpecFixtures.podsDir()))
                .hasMessageContaining("stack dev has no pod file").hasMessageContaining("dev.yaml");
        Files.writeString(dir.resolve("pod-b.yaml"), SpecFixtures.prodPod("pod-b").replace("tier: prod", "tier: production"));
        assertThatThrownBy(() -> StackEntryPoint.planFor("pod-b", dir))
                .hasMessageContaining("has errors").hasMessageContaining("pod-b.yaml:");
    }
}
