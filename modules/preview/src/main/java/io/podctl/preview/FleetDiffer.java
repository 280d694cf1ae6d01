package io.podctl.preview;

import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import io.podctl.spec.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles the pods of two revisions and compares them. Both revisions are compiled by this
 * build of podctl: the diff shows what the spec change does under the current program. A pod
 * whose bound spec is equal in both revisions is reported unchanged without running it.
 */
public final class FleetDiffer {
    private FleetDiffer() {}

    /**
     * @param headRef null for the working tree
     * @param only    pod names to restrict the diff to; empty for all
     * @throws SpecErrors when either revision has spec errors or a pod's program fails
     */
    public static FleetDiff diff(GitSpecs git, String baseRef, String headRef, List<String> only) {
        return diff(git, baseRef, headRef, only, Optional.empty());
    }

    /** @param cache resource graphs of earlier runs (see {@link GraphCache}) */
    public static FleetDiff diff(GitSpecs git, String baseRef, String headRef, List<String> only, Optional<GraphCache> cache) {
        String headLabel = headRef == null ? "working tree" : headRef;
        // the two revisions bind in parallel: with fifty pods each that is a few hundred milliseconds
        CompletableFuture<Map<String, Pod>> baseLoad = CompletableFuture.supplyAsync(() -> load(git.read(baseRef), baseRef));
        CompletableFuture<Map<String, Pod>> headLoad = CompletableFuture.supplyAsync(() -> load(git.read(headRef), headLabel));
        Map<String, Pod> base = joinLoad(baseLoad); // the base revision's errors are reported first
        Map<String, Pod> head = joinLoad(headLoad);
        TreeSet<String> names = new TreeSet<>(base.keySet());
        names.addAll(head.keySet());
        if (!only.isEmpty()) {
            List<String> unknown = only.stream().filter(n -> !names.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw new SpecErrors("no pod named " + String.join(", ", unknown) + " at " + baseRef + " or " + headLabel, List.of());
            }
            names.retainAll(only);
        }
        // Two runs per core: a run waits on the SDK's pool between steps, and the other keeps the core busy.
        int threads = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "podctl-diff");
            t.setDaemon(true);
            return t;
        });
        try {
            PodCompiler compiler = new PodCompiler(executor, cache);
            List<PodDelta> deltas = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            // start every run before waiting on any, so they overlap
            Map<String, CompletableFuture<PodCompiler.Compiled>[]> runs = new TreeMap<>();
            for (String name : names) {
                Pod b = base.get(name);
                Pod h = head.get(name);
                if (!Objects.equals(b, h)) {
                    @SuppressWarnings("unchecked")
                    CompletableFuture<PodCompiler.Compiled>[] pair = new CompletableFuture[] {
                        b == null ? null : compiler.compile(b), h == null ? null : compiler.compile(h)};
                    runs.put(name, pair);
                }
            }
            for (String name : names) {
                Pod b = base.get(name);
                Pod h = head.get(name);
                var pair = runs.get(name);
                try {
                    deltas.add(pair == null ? unchanged(h) : delta(name, b, h, join(pair[0]), join(pair[1])));
                } catch (CompletionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    failures.add("pod " + name + " (" + (pair[1] != null && pair[1].isCompletedExceptionally() ? headLabel : baseRef)
                            + "): the program fails under the mock engine: " + cause.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new SpecErrors(failures.size() + " pod(s) cannot be compiled", failures);
            }
            RiskRules rules = new RiskRules(deltas);
            List<PodChange> pods = deltas.stream().map(d -> new PodChange(d.pod(), d.tier().wire(), d.status(), d.specChanges(),
                    d.resources(), rules.of(d), RolloutOrder.of(d))).toList();
            return new FleetDiff(baseRef, headLabel, pods);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Map<String, Pod> load(List<SpecLoader.Source> sources, String revision) {
        SpecSet set = SpecLoader.loadSources(sources);
        if (set.hasErrors()) {
            throw SpecErrors.of(revision, set.findings().stream().filter(Finding::isError).toList());
        }
        return set.validPods().stream().collect(Collectors.toMap(Pod::name, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Pod> joinLoad(CompletableFuture<Map<String, Pod>> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static PodCompiler.Compiled join(CompletableFuture<PodCompiler.Compiled> run) {
        return run == null ? null : run.join();
    }

    private static PodDelta unchanged(Pod pod) {
        return new PodDelta(pod.name(), pod.spec().tier(), PodChange.Status.UNCHANGED, null, SpecValues.of(pod), null, null, List.of(),
                List.of());
    }

    private static PodDelta delta(String name, Pod b, Pod h, PodCompiler.Compiled base, PodCompiler.Compiled head) {
        Map<String, Object> baseSpec = b == null ? null : SpecValues.of(b);
        Map<String, Object> headSpec = h == null ? null : SpecValues.of(h);
        PodChange.Status status = b == null ? PodChange.Status.ADDED : h == null ? PodChange.Status.REMOVED : PodChange.Status.CHANGED;
        List<ResourceChange> resources = switch (status) {
            case ADDED -> GraphDiff.all(ResourceChange.Kind.CREATE, head.resources());
            case REMOVED -> GraphDiff.all(ResourceChange.Kind.DELETE, base.resources());
            default -> GraphDiff.between(base.resources(), head.resources());
        };
        List<ValueChange> spec = status == PodChange.Status.CHANGED ? ValueDiff.between(baseSpec, headSpec) : List.of();
        return new PodDelta(name, (h != null ? h : b).spec().tier(), status, baseSpec, headSpec, base, head, spec, resources);
    }
}
