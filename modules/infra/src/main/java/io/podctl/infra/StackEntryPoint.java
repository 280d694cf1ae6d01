package io.podctl.infra;

import com.pulumi.Pulumi;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code pulumi up -s <pod>} runs (see the root Pulumi.yaml): the stack name picks
 * {@code pods/<stack>.yaml}, the fleet under pods/ is validated as {@code podctl validate} would,
 * and the pod's program is deployed. Pulumi runs programs in the project directory, the repo root.
 */
public final class StackEntryPoint {
    private StackEntryPoint() {}

    public static void main(String[] args) {
        SdkThreads.configure();
        Pulumi.run(ctx -> PodProgram.run(ctx, planFor(ctx.stackName(), Path.of("pods")), ProgramOptions.defaults()));
    }

    static PodPlan planFor(String stack, Path podsDir) {
        Path podFile = podsDir.resolve(stack + ".yaml");
        if (!Files.isRegularFile(podFile)) {
            throw new IllegalArgumentException("stack " + stack + " has no pod file " + podFile + " (the stack name is the pod name)");
        }
        SpecSet fleet = SpecLoader.load(List.of(podsDir));
        if (fleet.hasErrors()) {
            throw new IllegalArgumentException("the fleet under " + podsDir + " has errors; run podctl validate:\n"
                    + String.join("\n", fleet.findings().stream().map(Object::toString).toList()));
        }
        return PodPlanner.plan(fleet.find(stack).orElseThrow().pod());
    }
}
