package io.podctl.cli;

import com.pulumi.Context;
import io.podctl.infra.PodProgram;
import io.podctl.infra.ProgramOptions;
import io.podctl.plan.PodPlan;
import java.util.function.Consumer;

/** The pod program the engine runs for a plan: the one place the CLI meets modules/infra. */
final class PodPrograms {

    /** The stack output that says which tier a pod was deployed as. */
    static final String TIER_OUTPUT = PodProgram.TIER;

    private PodPrograms() {}

    /**
     * @param retainDataVolumes keep the control hosts' data volumes in AWS when they are deleted
     */
    static Consumer<Context> forPlan(PodPlan plan, boolean retainDataVolumes) {
        ProgramOptions options = new ProgramOptions(retainDataVolumes);
        return ctx -> PodProgram.run(ctx, plan, options);
    }
}
