package io.podctl.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCacheTest {
    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCachedGraphEqualsTheEngineRunAndSkipsTheEngine() throws Exception {
        Pod pod = SpecFixtures.examplePod("prd-pod-1");
        GraphCache cache = GraphCache.at(dir);

        PodCompiler cold = new PodCompiler(executor, Optional.of(cache));
        var fresh = cold.compile(pod).get();
        assertThat(cold.engineRuns()).isEqualTo(1);
        assertThat(Files.list(dir)).hasSize(1);

        PodCompiler warm = new PodCompiler(executor, Optional.of(GraphCache.at(dir)));
        var cached = warm.compile(pod).get();
        assertThat(warm.engineRuns()).isZero();
        assertThat(cached.resources()).isEqualTo(fresh.resources());
    }

    @Test
    void anotherSpecOrAnotherBuildMisses() throws Exception {
        GraphCache cache = new GraphCache(dir, "build-a");
        Pod pod = SpecFixtures.examplePod("prd-pod-1");
        new PodCompiler(executor, Optional.of(cache)).compile(pod).get();

        assertThat(cache.get(pod)).isPresent();
        assertThat(cache.get(SpecFixtures.examplePod("prd-pod-2"))).isEmpty();
        assertThat(new GraphCache(dir, "build-b").get(pod)).as("new code, new graphs").isEmpty();
    }

    @Test
    void aCorruptEntryIsIgnored() throws Exception {
        GraphCache cache = new GraphCache(dir, "build-a");
        Pod pod = SpecFixtures.examplePod("not-prod-pod-1");
        new PodCompiler(executor, Optional.of(cache)).compile(pod).get();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.writeString(f, "{not json");
            }
        }
        assertThat(cache.get(pod)).isEmpty();
        PodCompiler again = new PodCompiler(executor, Optional.of(cache));
        assertThat(again.compile(pod).get().resources()).isNotEmpty();
        assertThat(again.engineRuns()).isEqualTo(1);
    }
}
