package io.podctl.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.infra.MockEngineRun;
import io.podctl.infra.PlannedResource;
import io.podctl.infra.ProgramOptions;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SafetyTest {

    @Test
    void parallelMockRunsGiveTheSameGraphsAsSequentialOnes() {
        List<Pod> pods = List.of("not-prod-pod-1", "not-prod-pod-2", "prd-pod-1", "prd-pod-2").stream()
                .map(SpecFixtures::examplePod).toList();
        List<List<PlannedResource>> sequential = pods.stream()
                .map(p -> MockEngineRun.run(PodPlanner.plan(p), ProgramOptions.defaults()).resources()).toList();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            PodCompiler compiler = new PodCompiler(executor, java.util.Optional.empty());
            List<CompletableFuture<PodCompiler.Compiled>> runs = pods.stream().map(compiler::compile).toList();
            assertThat(runs.stream().map(r -> r.join().resources()).toList()).isEqualTo(sequential);
            assertThat(compiler.compile(pods.get(0))).as("an identical pod is compiled once").isSameAs(runs.get(0));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void everyResourceTypeOfTheProgramHasReplaceTriggers() {
        List<PlannedResource> resources = MockEngineRun.run(PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1")),
                ProgramOptions.defaults()).awsResources();
        assertThat(resources).extracting(PlannedResource::type).allSatisfy(t -> assertThat(ReplaceTriggers.knownTypes()).contains(t));
    }

    @Test
    void secretPathsShowReferencesAndHideAnythingElse() {
        ValueChange rotated = new ValueChange("spec.secrets.marathonHttpCredentials", "ssm:/pods/p/a", "hunter2");
        assertThat(SecretGuard.before(rotated)).isEqualTo("ssm:/pods/p/a");
        assertThat(SecretGuard.after(rotated)).isEqualTo(SecretGuard.HIDDEN);
        ValueChange other = new ValueChange("spec.masters.instanceType", "m5.large", "m5.xlarge");
        assertThat(SecretGuard.after(other)).isEqualTo("m5.xlarge");
    }

    @Test
    void agentPoolsAreMatchedByNameSoRemovingOneDoesNotShiftTheOthers() {
        var before = java.util.Map.of("agents", List.of(java.util.Map.of("name", "a", "count", 1), java.util.Map.of("name", "b", "count", 2)));
        var after = java.util.Map.of("agents", List.of(java.util.Map.of("name", "b", "count", 2)));
        assertThat(ValueDiff.between(before, after)).extracting(ValueChange::path).containsExactly("agents[a].count", "agents[a].name");
    }
}
