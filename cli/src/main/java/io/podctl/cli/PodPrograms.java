package io.podctl.cli;

import com.pulumi.Context;
import io.podctl.plan.PodPlan;
import java.util.function.Consumer;

/** The pod program the engine runs for a plan: the one place the CLI meets modules/infra. */
final class PodPrograms {

    private PodPrograms() {}

    /**
     * @param retainDataVolumes keep the control hosts' data volumes in AWS when they are deleted
     */
    static Consumer<Context> forPlan(PodPlan plan, boolean retainDataVolumes) {
        // TODO(issue 5): ctx -> PodProgram.run(ctx, plan, new ProgramOptions(retainDataVolumes)) once modules/infra lands
        return ctx -> {
            throw new IllegalStateException("the pod program (modules/infra PodProgram) is not wired in yet; pod " + plan.pod()
                    + (retainDataVolumes ? "" : " (delete-data)") + " cannot be deployed");
        };
    }
}
