package io.podctl.infra;

import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Colocation;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Pod;
import io.podctl.spec.model.Tier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Valid pods for every tier x placement x colocation, built from the spec module's fixtures. */
final class PodSpecs {
    private PodSpecs() {}

    static Pod combination(String name, Tier tier, Placement placement, Colocation colocation) {
        String text = SpecFixtures.prodPod(name)
                .replace("tier: prod", "tier: " + tier.wire())
                .replace("colocation: dedicated", "colocation: " + colocation.wire());
        if (placement == Placement.SINGLE_ZONE) {
            text = text.replace("zones: [us-west-2a, us-west-2b, us-west-2c]", "zones: [us-west-2b]")
                    .replace("placement: stripe", "placement: single-zone");
        }
        if (tier == Tier.PROD && (placement == Placement.SINGLE_ZONE || colocation == Colocation.SHARED)) {
            text += "  exceptions:\n";
            if (placement == Placement.SINGLE_ZONE) {
                text += "    - {rule: single-zone, reason: \"test pod\"}\n";
            }
            if (colocation == Colocation.SHARED) {
                text += "    - {rule: shared-colocation, reason: \"test pod\"}\n";
            }
        }
        return SpecFixtures.pod(name, text);
    }

    /** Every tier x placement x colocation, as arguments of a parameterized test. */
    static Stream<Arguments> topologies() {
        return Stream.of(Tier.values()).flatMap(tier -> Stream.of(Placement.values())
                .flatMap(placement -> Stream.of(Colocation.values()).map(colocation -> Arguments.of(tier, placement, colocation))));
    }

    static PodPlan plan(String name, Tier tier, Placement placement, Colocation colocation) {
        return PodPlanner.plan(combination(name, tier, placement, colocation));
    }

    /** The example prod pod with cloud-init documents filled in, whatever the renderer does today. */
    static PodPlan prodWithUserData() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1"));
        return plan.withMachines(
                plan.controlHosts().stream().map(h -> h.withConfig(h.files(), "#cloud-config\n# host " + h.node() + "\n")).toList(),
                plan.agentGroups().stream().map(g -> g.withConfig(g.files(), "#cloud-config\n# pool " + g.pool() + "\n")).toList());
    }
}
