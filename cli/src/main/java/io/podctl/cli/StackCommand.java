package io.podctl.cli;

import io.podctl.engine.EngineFailure;
import io.podctl.engine.EngineSetupException;
import io.podctl.engine.PodStack;
import io.podctl.engine.ProgressLines;
import io.podctl.engine.StackEngine;
import io.podctl.engine.StackBusy;
import io.podctl.engine.StackResult;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.model.Pod;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The shared shape of preview, up, destroy, refresh and outputs: one pod, one stack, one engine. */
abstract class StackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "POD", description = "The pod's name (metadata.name).")
    String podName;

    @Mixin
    PodOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final EngineSessions sessions;

    StackCommand(EngineSessions sessions) {
        this.sessions = sessions;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Pod pod() {
        return Pods.find(options.pods, podName);
    }

    StackEngine engine() {
        return sessions.opener().open(options);
    }

    /** An opened engine and the pod's plan, made side by side by {@link #engineWhilePlanning}. */
    record Prepared<T>(StackEngine engine, T plan) {}

    /**
     * Opens the engine while {@code planning} runs on another core. Opening mostly waits on the
     * pulumi CLI (its version, twice) and planning is CPU work (the plan and every host's rendered
     * user data), so together they cost the longer of the two rather than the sum, about 0.3 s of
     * each command. Errors keep the order they had one after the other: the engine's set-up first,
     * then the pod's; planning touches nothing, so abandoning it is safe.
     */
    <T> Prepared<T> engineWhilePlanning(Supplier<T> planning) {
        java.util.concurrent.CompletableFuture<T> planned = java.util.concurrent.CompletableFuture.supplyAsync(planning);
        StackEngine engine = engine();
        try {
            return new Prepared<>(engine, planned.join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    static PodStack stack(Pod pod, boolean retainDataVolumes) {
        return stack(deployablePlan(pod), retainDataVolumes);
    }

    static io.podctl.plan.PodPlan deployablePlan(Pod pod) {
        return RenderChecks.requireDeployable(PodPlanner.plan(pod));
    }

    static PodStack stack(io.podctl.plan.PodPlan plan, boolean retainDataVolumes) {
        return new PodStack(plan.pod(), plan.region(), PodPrograms.forPlan(plan, retainDataVolumes), Map.of());
    }

    ProgressLines progress() {
        return new ProgressLines(out());
    }

    /**
     * Runs one engine operation: a failure is exit 1 with the engine's reason, a busy stack exit 3,
     * a setup problem found by the CLI (passphrase, plugin) exit 2.
     */
    static StackResult run(Function<ProgressLines, StackResult> operation, ProgressLines progress) {
        return call(() -> operation.apply(progress));
    }

    /** Any engine call, its failures turned into exit codes as {@link #run} does. */
    static <T> T call(Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (StackBusy e) {
            throw new UserError(e.getMessage(), ExitCode.WAITING, e);
        } catch (EngineFailure e) {
            throw new UserError(e.getMessage(), ExitCode.FAILED, e);
        } catch (EngineSetupException e) {
            throw new UserError(e.getMessage(), ExitCode.BAD_INPUT, e);
        }
    }
}
