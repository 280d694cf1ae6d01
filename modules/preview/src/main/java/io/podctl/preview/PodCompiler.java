package io.podctl.preview;

import io.podctl.infra.MockEngineRun;
import io.podctl.infra.PlannedResource;
import io.podctl.infra.ProgramOptions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Spec -> plan -> resource graph under the mock engine, once per distinct pod: the result is a
 * pure function of the bound pod, so equal pods (in both revisions, or asked for twice) share one run.
 *
 * <p>Runs go to the given executor in parallel. That is safe because the SDK keeps the deployment
 * of a mock run in a thread-local and each run has its own mocks and recorder (MockEngineRun);
 * a test checks that parallel and sequential runs give the same graphs.
 */
final class PodCompiler {
    record Compiled(PodPlan plan, List<PlannedResource> resources) {}

    private final ExecutorService executor;
    private final Map<Pod, CompletableFuture<Compiled>> runs = new ConcurrentHashMap<>();

    PodCompiler(ExecutorService executor) {
        this.executor = executor;
    }

    CompletableFuture<Compiled> compile(Pod pod) {
        return runs.computeIfAbsent(pod, p -> CompletableFuture.supplyAsync(() -> run(p), executor));
    }

    private static Compiled run(Pod pod) {
        PodPlan plan = PodPlanner.plan(pod);
        return new Compiled(plan, MockEngineRun.run(plan, ProgramOptions.defaults()).resources());
    }
}
