package io.podctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.internal.annotations.ExportMetadata;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Colocation;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct deployment must give exactly the graph of the SDK's mock engine: same resources in
 * the same order, same parents and options, same inputs (values the program computed from other
 * resources' outputs included), same stack outputs. This is the test that guards an SDK upgrade.
 */
class DirectDeploymentTest {

    @AfterEach
    void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.podctl.infra.PodSpecs#topologies")
    void everyTopologyGivesTheSdkEnginesGraph(Tier tier, Placement placement, Colocation colocation) {
        assertSameGraph(PodSpecs.plan("pod-x", tier, placement, colocation));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prd-pod-1", "prd-pod-2", "not-prod-pod-1", "not-prod-pod-2"})
    void everyExamplePodGivesTheSdkEnginesGraph(String pod) {
        assertSameGraph(PodPlanner.plan(SpecFixtures.examplePod(pod)));
    }

    @Test
    void renderedUserDataAnExistingVpcAndRetainedVolumesGiveTheSdkEnginesGraph() {
        assertSameGraph(PodSpecs.prodWithUserData());
        String text = SpecFixtures.notProdPod("pod-e", "us-west-2c", "10.30.0.0/20")
                .replace("vpcCidr: 10.30.0.0/20", "vpcId: vpc-0feed123\n    subnets: {us-west-2c: subnet-0c0c0c0c}");
        PodPlan existing = PodPlanner.plan(SpecFixtures.pod("pod-e", text));
        assertSameGraph(existing);
        MockEngineRun.Result sdk = MockEngineRun.run(existing, new ProgramOptions(false), MockEngineRun.Mode.SDK_UPDATE);
        MockEngineRun.Result direct = MockEngineRun.run(existing, new ProgramOptions(false), MockEngineRun.Mode.DIRECT);
        assertThat(direct.resources()).isEqualTo(sdk.resources());
        assertThat(direct.outputs()).containsEntry("vpcId", "vpc-0feed123").isEqualTo(sdk.outputs());
    }

    @Test
    void everyOutputOfEveryResourceReadsBackAsUnderTheSdkEngine() {
        // Most outputs are never read by the program, so the graph alone would not notice a wrong
        // conversion (a provider type filled differently, a number of the wrong type): compare them all.
        PodPlan plan = PodSpecs.prodWithUserData();
        Map<String, Map<String, Object>> sdk = outputsOfEveryResource(plan, false);
        Map<String, Map<String, Object>> direct = outputsOfEveryResource(plan, true);
        assertThat(direct.keySet()).hasSizeGreaterThan(40).isEqualTo(sdk.keySet());
        assertThat(direct.get("prd-pod-1-zk-1").get("rootBlockDevice")).isNotEqualTo(Optional.empty());
        assertThat(direct.get("prd-pod-1-zk-1").get("networkInterfaces")).isNotEqualTo(Optional.empty());
        direct.forEach((resource, outputs) -> assertThat(outputs).as(resource).usingRecursiveComparison().isEqualTo(sdk.get(resource)));
    }

    private static Map<String, Map<String, Object>> outputsOfEveryResource(PodPlan plan, boolean direct) {
        RecordingMocks mocks = new RecordingMocks(plan.region());
        List<Resource> declared = Collections.synchronizedList(new ArrayList<>());
        ResourceTransformation capture = args -> {
            declared.add(args.resource());
            return Optional.empty();
        };
        var builder = PulumiTestInternal.builder().mocks(mocks)
                .options(TestOptions.builder().projectName("podctl").stackName(plan.pod()).resourceTransformations(List.of(capture)).build());
        if (direct) {
            builder.deploymentFactory(state -> new DirectDeployment(state, mocks));
        } else {
            builder.deploymentFactory(state -> {
                state.runner = new CountingRunner(state.logger);
                return new DeploymentImpl(state);
            });
        }
        try {
            TestResult result = builder.build().runTest(ctx -> PodProgram.run(ctx, plan, ProgramOptions.defaults()));
            assertThat(result.exceptions()).isEmpty();
            Map<String, Map<String, Object>> outputs = new TreeMap<>();
            synchronized (declared) {
                for (Resource r : declared) {
                    Map<String, Object> values = new TreeMap<>();
                    ExportMetadata.of(r.getClass()).forEach((field, metadata) -> values.put(field,
                            Optional.ofNullable(PulumiTest.extractValue(metadata.getFieldValue(r).orElseThrow()))));
                    outputs.put(r.pulumiResourceName(), values);
                }
            }
            return outputs;
        } finally {
            PulumiTest.cleanup();
        }
    }

    @Test
    void runsInParallelEachSeeOnlyTheirOwnPod() throws Exception {
        List<PodPlan> plans = List.of(PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1")), PodPlanner.plan(SpecFixtures.examplePod("prd-pod-2")),
                PodPlanner.plan(SpecFixtures.examplePod("not-prod-pod-1")), PodPlanner.plan(SpecFixtures.examplePod("not-prod-pod-2")));
        List<MockEngineRun.Result> sequential = plans.stream().map(p -> MockEngineRun.run(p, ProgramOptions.defaults())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MockEngineRun.Result>> parallel = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                plans.forEach(p -> parallel.add(pool.submit(() -> {
                    try {
                        return MockEngineRun.run(p, ProgramOptions.defaults());
                    } finally {
                        com.pulumi.test.PulumiTest.cleanup();
                    }
                })));
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertThat(parallel.get(i).get().resources()).isEqualTo(sequential.get(i % plans.size()).resources());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWarmUpPodIsValidAndRunsEveryResourceType() {
        // a broken warm-up would only be slower, never an error, so nothing else would notice
        assertThat(MockEngineRun.warmUp()).isTrue();
    }

    @Test
    void resourcesDeclaredInsideApplyAreWaitedForAndRecorded() {
        // the run ends when the last registered task completes: one declared after the program
        // returned, from inside an apply, must still be part of it
        RecordingMocks mocks = new RecordingMocks("us-west-2");
        TestResult result = direct(mocks, TestOptions.builder().stackName("late").build()).runTest(ctx -> {
            Vpc vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            ctx.export("subnet", vpc.id().applyValue(id -> new Subnet("subnet-of-" + id,
                    SubnetArgs.builder().vpcId(id).cidrBlock("10.0.1.0/24").build())).apply(Subnet::cidrBlock));
        });
        assertThat(result.exceptions()).isEmpty();
        assertThat(mocks.inputsOf("aws:ec2/subnet:Subnet", "subnet-of-vpc")).containsEntry("vpcId", "vpc").containsEntry("cidrBlock", "10.0.1.0/24");
        assertThat(PulumiTest.extractValue(result.outputs().get("subnet"))).isEqualTo(Optional.of("10.0.1.0/24"));
    }

    @Test
    void aProgramThatFailsInsideApplyFailsTheRunWithItsOwnError() {
        TestResult result = direct(TestOptions.builder().stackName("failing").build()).runTest(ctx -> {
                    Vpc vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
                    vpc.cidrBlock().applyValue(cidr -> {
                        throw new IllegalStateException("no room in " + cidr);
                    });
                });
        assertThat(result.exitCode()).isEqualTo(32);
        assertThat(result.exceptions()).singleElement().extracting(Throwable::getMessage).asString().contains("no room in 10.0.0.0/16");
    }

    @Test
    void whatTheDirectDeploymentCannotDoFailsLoudly() {
        TestResult result = direct(TestOptions.builder().stackName("import").build())
                .runTest(ctx -> new Vpc("vpc", VpcArgs.builder().build(), CustomResourceOptions.builder().importId("vpc-1").build()));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.exceptions()).singleElement().extracting(Throwable::getMessage).asString().contains("new resources only");
        assertThatThrownBy(() -> direct(TestOptions.builder().preview(true).build())).hasMessageContaining("updates only");
    }

    private static PulumiTestInternal direct(TestOptions options) {
        return direct(new RecordingMocks("us-west-2"), options);
    }

    private static PulumiTestInternal direct(RecordingMocks mocks, TestOptions options) {
        return PulumiTestInternal.builder().mocks(mocks).options(options)
                .deploymentFactory(state -> new DirectDeployment(state, mocks)).build();
    }

    private static void assertSameGraph(PodPlan plan) {
        MockEngineRun.Result sdk = MockEngineRun.run(plan, ProgramOptions.defaults(), MockEngineRun.Mode.SDK_UPDATE);
        MockEngineRun.Result direct = MockEngineRun.run(plan, ProgramOptions.defaults(), MockEngineRun.Mode.DIRECT);
        assertThat(direct.resources()).hasSizeGreaterThan(40);
        for (int i = 0; i < sdk.resources().size(); i++) {
            assertThat(direct.resources().get(i)).as("resource %d", i).isEqualTo(sdk.resources().get(i));
        }
        assertThat(direct.resources()).hasSameSizeAs(sdk.resources());
        assertThat(direct.outputs()).isNotEmpty().isEqualTo(sdk.outputs());
        // invokes run concurrently in both engines: their order is not part of the graph
        assertThat(direct.mocks().invokes()).containsExactlyInAnyOrderElementsOf(sdk.mocks().invokes());
    }
}
