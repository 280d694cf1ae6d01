package io.podctl.preview;

import io.podctl.infra.MockEngineRun;
import io.podctl.infra.PlannedResource;
import io.podctl.infra.ProgramOptions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final Optional<GraphCache> cache;
    private final Map<Pod, CompletableFuture<Compiled>> runs = new ConcurrentHashMap<>();
    private final AtomicInteger engineRuns = new AtomicInteger();

    PodCompiler(ExecutorService executor, Optional<GraphCache> cache) {
        this.executor = executor;
        this.cache = cache;
    }

    CompletableFuture<Compiled> compile(Pod pod) {
        return runs.computeIfAbsent(pod, p -> CompletableFuture.supplyAsync(() -> run(p), executor));
    }

    /** How many pods went through the mock engine (not found in the cache). */
    int engineRuns() {
        return engineRuns.get();
    }

    private Compiled run(Pod pod) {
        PodPlan plan = PodPlanner.plan(pod);
        Optional<List<PlannedResource>> cached = cache.flatMap(c -> c.get(pod));
        if (cached.isPresent()) {
            return new Compiled(plan, cached.get());
        }
        engineRuns.incrementAndGet();
        List<PlannedResource> graph = MockEngineRun.run(plan, ProgramOptions.defaults()).resources();
        cache.ifPresent(c -> c.put(pod, graph));
        return new Compiled(plan, graph);
    }
}
