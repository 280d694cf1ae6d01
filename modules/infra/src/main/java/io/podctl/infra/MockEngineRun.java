package io.podctl.infra;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs a pod's program under the SDK's in-process mock engine: offline, no credentials, no
 * Pulumi CLI. The result is the resource graph as plain data, in declaration order, for
 * {@code podctl plan}, tests, and diffs of two graphs.
 */
public final class MockEngineRun {
    public static final String PROJECT = "podctl";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private MockEngineRun() {}

    /**
     * @param resources every component and AWS resource, in the order the program declared them
     * @param outputs   the stack outputs (all strings); in preview mode unknown ones are absent
     */
    public record Result(List<PlannedResource> resources, Map<String, String> outputs, RecordingMocks mocks) {

        public Result {
            resources = List.copyOf(resources);
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        }

        public Optional<PlannedResource> find(String name) {
            return resources.stream().filter(r -> r.name().equals(name)).findFirst();
        }

        public List<PlannedResource> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }

        public List<PlannedResource> childrenOf(String component) {
            return resources.stream().filter(r -> component.equals(r.parent())).toList();
        }

        /** AWS resources only (components are podctl's grouping, not infrastructure). */
        public List<PlannedResource> awsResources() {
            return resources.stream().filter(r -> !r.isComponent()).toList();
        }

        /** Count per type token, sorted by type. */
        public Map<String, Integer> countsByType() {
            Map<String, Integer> counts = new TreeMap<>();
            awsResources().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
            return counts;
        }
    }

    /**
     * How a run reaches the mocks. Both run the same program, resource classes and
     * transformations against the same {@link RecordingMocks}; {@code DirectDeploymentTest}
     * requires them to give identical graphs.
     */
    public enum Mode {
        /** {@link DirectDeployment}: an update, several times faster; what plan and diff use. */
        DIRECT,
        /** The SDK's mock engine, as an update. */
        SDK_UPDATE,
        /**
         * The SDK's mock engine, as a preview: outputs the mocks do not answer stay unknown, so
         * resources declared inside {@code apply} would be missing (tests run it to catch that).
         */
        SDK_PREVIEW
    }

    /** An update under the direct deployment: the resource graph of {@code podctl plan} and {@code podctl diff}. */
    public static Result run(PodPlan plan, ProgramOptions options) {
        return run(plan, options, Mode.DIRECT);
    }

    private static volatile CompletableFuture<Void> warmUp;

    /**
     * Starts the engine once on a background thread, so that a command can parse its arguments
     * and load specs while the SDK's classes load (most of a first run's cost). Later calls
     * return the same future. Join it before {@link #run} to keep the cores for the run; the
     * engine's state is per thread, so they do not mix.
     *
     * @param wholePod run a whole pod ({@code warm-up-pod.yaml}), which also compiles the code of
     *                 every resource type: worth it before many runs (a diff), not before one (a plan)
     */
    public static synchronized CompletableFuture<Void> warmUpInBackground(boolean wholePod) {
        if (warmUp == null) {
            Runnable work = wholePod ? MockEngineRun::warmUp : MockEngineRun::warmUpSdk;
            warmUp = CompletableFuture.runAsync(work, runnable -> {
                Thread thread = new Thread(runnable, "podctl-engine-warm-up");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return warmUp;
    }

    /** A one-resource program: the SDK's own classes. */
    private static void warmUpSdk() {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        try {
            engine(TestOptions.builder().projectName(PROJECT).stackName("warm-up").build(), mocks, Mode.DIRECT)
                    .runTest(ctx -> new com.pulumi.aws.ec2.Vpc("warm-up", com.pulumi.aws.ec2.VpcArgs.builder()
                            .cidrBlock("10.0.0.0/16").tags(Map.of("warm", "up")).build()));
        } catch (RuntimeException e) {
            // a warm-up that fails only costs speed
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * One direct run of {@code warm-up-pod.yaml}: it loads and compiles the code of every
     * resource type, which the command's own runs would otherwise do on the critical path. A
     * warm-up that fails only costs speed, so it never throws.
     */
    static boolean warmUp() {
        try (var in = MockEngineRun.class.getResourceAsStream("warm-up-pod.yaml")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            SpecSet set = SpecLoader.loadSources(List.of(new SpecLoader.Source("warm-up.yaml", text)));
            run(PodPlanner.plan(set.validPods().get(0)), ProgramOptions.defaults());
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** @throws RuntimeException the program's own exception when it failed (e.g. an unsafe plan) */
    public static Result run(PodPlan plan, ProgramOptions options, Mode mode) {
        RecordingMocks mocks = new RecordingMocks(plan.region());
        List<Declared> declared = Collections.synchronizedList(new ArrayList<>());
        ResourceTransformation recorder = args -> {
            declared.add(Declared.of(args.resource(), args.options()));
            return Optional.empty();
        };
        TestOptions testOptions = TestOptions.builder()
                .projectName(PROJECT)
                .stackName(plan.pod())
                .preview(mode == Mode.SDK_PREVIEW)
                .resourceTransformations(List.of(recorder))
                .build();
        try {
            TestResult result = engine(testOptions, mocks, mode).runTest(ctx -> PodProgram.run(ctx, plan, options));
            if (!result.exceptions().isEmpty()) {
                throw rootCause(result.exceptions().get(0));
            }
            if (result.exitCode() != 0) {
                throw new IllegalStateException("the mock engine failed (exit " + result.exitCode() + "): " + result.errors());
            }
            Map<String, String> outputs = new TreeMap<>();
            result.outputs().forEach((key, value) -> {
                Object v = PulumiTest.extractValue(value);
                if (v != null) {
                    outputs.put(key, String.valueOf(v));
                }
            });
            List<PlannedResource> resources;
            synchronized (declared) {
                resources = declared.stream().filter(d -> !STACK_TYPE.equals(d.type())).map(d -> d.toPlanned(mocks)).toList();
            }
            return new Result(resources, outputs, mocks);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static PulumiTestInternal engine(TestOptions options, RecordingMocks mocks, Mode mode) {
        return PulumiTestInternal.builder().options(options).mocks(mocks).deploymentFactory(state -> deployment(state, mocks, mode)).build();
    }

    private static DeploymentInternal deployment(DeploymentImpl.DeploymentState state, RecordingMocks mocks, Mode mode) {
        if (mode == Mode.DIRECT) {
            return new DirectDeployment(state, mocks);
        }
        state.runner = new CountingRunner(state.logger); // the SDK's own runner busy-waits (see CountingRunner)
        return new DeploymentImpl(state);
    }

    /** A resource as the transformation saw it: before its inputs resolve. */
    private record Declared(String type, String name, String parent, PlannedResource.Options options) {

        static Declared of(Resource resource, ResourceOptions options) {
            String parent = options.getParent()
                    .filter(p -> !STACK_TYPE.equals(p.pulumiResourceType()))
                    .map(Resource::pulumiResourceName).orElse(null);
            PlannedResource.Options flags = new PlannedResource.Options(
                    options instanceof CustomResourceOptions c && c.getDeleteBeforeReplace(),
                    options.isRetainOnDelete(),
                    options.isProtect(),
                    options.getReplaceOnChanges(),
                    options.getIgnoreChanges(),
                    dependsOn(options));
            return new Declared(resource.pulumiResourceType(), resource.pulumiResourceName(), parent, flags);
        }

        /** The program passes plain lists, so the Output is already known when the transformation sees it. */
        private static List<String> dependsOn(ResourceOptions options) {
            List<Resource> resources = options.getDependsOn() == null ? null : PulumiTest.extractValue(options.getDependsOn());
            return resources == null ? List.of() : resources.stream().map(Resource::pulumiResourceName).toList();
        }

        PlannedResource toPlanned(RecordingMocks mocks) {
            Map<String, Object> inputs = mocks.inputsOf(type, name);
            return new PlannedResource(type, name, parent, inputs == null ? Map.of() : PlainValues.normalize(inputs), options);
        }
    }

    private static RuntimeException rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof CompletionException || t instanceof ExecutionException || t.getClass().getName().startsWith("com.pulumi."))) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
    }
}
