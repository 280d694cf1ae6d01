package io.podctl.infra;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.Log;
import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputCompletionSource;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.core.internal.Urn;
import com.pulumi.core.internal.annotations.ExportMetadata;
import com.pulumi.deployment.CallOptions;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.resources.CallArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.internal.Stack;
import com.pulumi.serialization.internal.Converter;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.serialization.internal.Serializer;
import com.pulumi.test.Mocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * A Pulumi deployment that hands each resource straight to {@link Mocks}, for runs of the pod
 * program that only need its resource graph ({@code podctl plan}, {@code podctl diff}).
 *
 * <p>The SDK's mock engine speaks the engine's gRPC protocol to an in-process monitor: per
 * resource it builds a RegisterResourceRequest, formats it (and the response) as protobuf text
 * for debug lines that are never printed, resolves dependency URNs, and reflects over the
 * resource class's outputs anew. That is about 2 ms of CPU per resource, most of a diff. This
 * deployment keeps what shapes the graph: the program, the resource classes with their
 * transformations, the mocks. It resolves each resource's arguments to the values the SDK's
 * mock monitor would hand the mocks ({@link InputValues}) and converts the answers back into
 * outputs as the SDK's converter would ({@link OutputShapes}, else that converter itself). It
 * leaves out the protocol. {@code DirectDeploymentTest} runs both engines over every kind of
 * pod and requires identical graphs and outputs; it is what guards an SDK upgrade.
 *
 * <p>Supported: custom and component resources, stack outputs and invokes. Not supported (the
 * pod program uses none of them, and a program that does fails loudly): reading or importing
 * existing resources, remote components, provider functions ({@code call}), packages.
 */
final class DirectDeployment implements DeploymentInternal {
    /** Output metadata per resource class: the SDK recomputes it for every resource. */
    private static final Map<Class<?>, ImmutableMap<String, ExportMetadata<?>>> EXPORTS = new ConcurrentHashMap<>();
    private final DeploymentImpl.DeploymentState state;
    private final Mocks mocks;
    private final Runner runner;
    private final Serializer serializer;
    private final Converter converter;
    private volatile Stack stack;

    DirectDeployment(DeploymentImpl.DeploymentState state, Mocks mocks) {
        if (state.isDryRun) {
            throw new IllegalArgumentException("the direct deployment runs updates only; previews go through the SDK's mock engine");
        }
        this.state = state;
        this.mocks = mocks;
        this.runner = new CountingRunner(state.logger);
        state.runner = runner; // the state's engine logger registers its tasks with this runner
        Log log = new Log(state.logger, false);
        this.serializer = new Serializer(log);
        this.converter = new Converter(log, new Deserializer(log));
    }

    // ---- resources

    @Override
    public void readOrRegisterResource(Resource resource, boolean remote, Function<String, Resource> newDependency,
            ResourceArgs args, ResourceOptions options, Resource.LazyFields lazy, CompletableFuture<String> packageRef) {
        boolean imported = options instanceof CustomResourceOptions custom && custom.getImportId().isPresent();
        if (remote || imported || options.getUrn().isPresent()) {
            throw notNew(resource);
        }
        // Outputs must be in place before the resource's constructor returns (the program reads them next).
        Map<String, OutputCompletionSource<?>> outputs = completionSources(resource);
        String type = resource.pulumiResourceType();
        String name = resource.pulumiResourceName();
        String label = "resource:" + name + "[" + type + "]";
        CompletableFuture<Void> registered = existingId(options)
                .thenCompose(id -> {
                    if (!id.isEmpty()) {
                        throw notNew(resource);
                    }
                    return InputValues.of(args);
                })
                .thenCompose(inputs -> parentUrn(type, options).thenCompose(parent -> {
                    String urn = Urn.create(state.stackName, state.projectName, parent, type, name);
                    if (Stack.RootPulumiStackTypeName.equals(type)) {
                        return CompletableFuture.completedFuture(new Registered(urn, "", new Answer(Map.of(), true)));
                    }
                    inputs.remove("id"); // as the SDK's serializer: the engine's own properties
                    inputs.remove("urn");
                    var request = new Mocks.ResourceArgs(type, name, inputs, "", "");
                    return ContextAwareCompletableFuture.wrap(mocks.newResourceAsync(request))
                            .thenCompose(result -> answer(result.state)
                                    .thenApply(answer -> new Registered(urn, result.id.orElse(""), answer)));
                }))
                .thenApply(done -> {
                    complete(resource, lazy, outputs, done);
                    return (Void) null;
                })
                .whenComplete((done, failure) -> settle(resource, lazy, outputs, failure));
        runner.registerTask(label, registered);
    }

    /** The id of an existing resource to read, or "" (the SDK registers a resource whose id option is empty). */
    private static CompletableFuture<String> existingId(ResourceOptions options) {
        return options.getId().isPresent()
                ? Internal.of(options.getId().get()).getValueOrDefault("")
                : CompletableFuture.completedFuture("");
    }

    private static UnsupportedOperationException notNew(Resource resource) {
        return new UnsupportedOperationException("the direct deployment registers new resources only, not "
                + resource.pulumiResourceType() + " " + resource.pulumiResourceName() + " (remote, read or imported)");
    }

    private record Registered(String urn, String id, Answer answer) {}

    /**
     * The mocks' state as the engine would send it.
     *
     * @param state plain values, or the SDK serializer's forms
     * @param plain whether the state was plain values, so simple outputs may skip the converter
     */
    private record Answer(Map<String, Object> state, boolean plain) {}

    private static Map<String, OutputCompletionSource<?>> completionSources(Resource resource) {
        var exports = EXPORTS.computeIfAbsent(resource.getClass(), ExportMetadata::of);
        Map<String, OutputCompletionSource<?>> sources = new LinkedHashMap<>();
        exports.forEach((field, metadata) -> {
            String name = metadata.getAnnotation().name();
            if (!name.equals("urn") && !name.equals("id")) {
                sources.put(field, source(resource, metadata));
            }
        });
        return sources;
    }

    private static <T> OutputCompletionSource<T> source(Resource resource, ExportMetadata<T> metadata) {
        Output<T> output = metadata.getOrSetIncompleteFieldValue(resource);
        return new OutputCompletionSource<>(Internal.of(output).getDataAsync(), ImmutableSet.of(resource), metadata.getDataShape());
    }

    private CompletableFuture<Optional<String>> parentUrn(String type, ResourceOptions options) {
        if (options.getParent().isPresent()) {
            return Internal.of(options.getParent().get().urn()).getValueOptional();
        }
        if (Stack.RootPulumiStackTypeName.equals(type) || stack == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return Internal.of(stack.urn()).getValueOptional();
    }

    /** What the SDK's engine does with a registration's answer: urn, id, then every output field. */
    private void complete(Resource resource, Resource.LazyFields lazy, Map<String, OutputCompletionSource<?>> outputs, Registered done) {
        lazy.urn().completeOrThrow(new OutputInternal<>(OutputData.of(done.urn()).withDependency(resource)));
        if (resource instanceof CustomResource) {
            lazy.id().orElseThrow().completeOrThrow(done.id().isEmpty()
                    ? new OutputInternal<>(OutputData.<String>unknown().withDependency(resource))
                    : new OutputInternal<>(OutputData.of(done.id()).withDependency(resource)));
        }
        Answer answer = done.answer();
        outputs.forEach((field, source) -> {
            if (answer.state().containsKey(field)) {
                setOutput(source, resource.getClass().getTypeName() + "." + field, answer.state().get(field), answer.plain());
            }
        });
    }

    private <T> void setOutput(OutputCompletionSource<T> source, String context, Object value, boolean plain) {
        Object simple = plain ? OutputShapes.convert(source.getTypeShape(), value) : OutputShapes.NOT_SIMPLE;
        if (simple == OutputShapes.NOT_SIMPLE) {
            source.setValue(converter, context, Serializer.createValue(value), ImmutableSet.of());
        } else {
            @SuppressWarnings("unchecked")
            T typed = (T) simple;
            source.setValue(OutputData.ofNullable(ImmutableSet.of(), typed, false));
        }
    }

    /** Resolves whatever is still open, as the SDK does, so that nothing waits for ever. */
    private static void settle(Resource resource, Resource.LazyFields lazy, Map<String, OutputCompletionSource<?>> outputs,
            @Nullable Throwable failure) {
        if (failure != null) {
            Exception e = failure instanceof Exception x ? x : new RuntimeException(failure);
            outputs.values().forEach(source -> source.trySetException(e));
            lazy.urn().fail(failure);
            if (resource instanceof CustomResource) {
                lazy.id().orElseThrow().fail(failure);
            }
        }
        outputs.values().forEach(source -> source.trySetDefaultResult(true));
        lazy.urn().complete(Output.of(""));
        if (resource instanceof CustomResource) {
            lazy.id().orElseThrow().complete(Output.of(""));
        }
    }

    /** The mocks' answer as the engine would send it: plain values as they are, anything else serialized by the SDK. */
    @SuppressWarnings("unchecked")
    private CompletableFuture<Answer> answer(Object state) {
        if (state instanceof Map<?, ?> && isPlain(state)) {
            return CompletableFuture.completedFuture(new Answer((Map<String, Object>) state, true));
        }
        Object copy = state instanceof Map<?, ?> m ? ImmutableMap.copyOf(m) : state;
        return serializer.serializeAsync("mocks", copy, true).thenApply(v -> new Answer((Map<String, Object>) v, false));
    }

    /** Strings, booleans, numbers, and lists and string-keyed maps of them: what {@link RecordingMocks} answers. */
    private static boolean isPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double || value instanceof Integer) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && isPlain(e.getValue()));
        }
        return value instanceof List<?> list && list.stream().allMatch(DirectDeployment::isPlain);
    }

    @Override
    public void registerResourceOutputs(Resource resource, Output<Map<String, Output<?>>> outputs) {
        // The mocks take no outputs; waiting on them still surfaces a failed one as the run's error.
        runner.registerTask("outputs:" + resource.pulumiResourceName(), Internal.of(outputs).getDataAsync());
    }

    // ---- invokes: every overload asks the mocks; invoke options (provider, dependsOn) change
    // nothing there, and the pod program passes none

    @Override
    public <T> Output<T> invoke(String token, TypeShape<T> targetType, InvokeArgs args) {
        return new OutputInternal<>(invokeData(token, targetType, args));
    }

    @Override
    public <T> Output<T> invoke(String token, TypeShape<T> targetType, InvokeArgs args, @Nullable InvokeOptions options) {
        return invoke(token, targetType, args);
    }

    @Override
    public <T> Output<T> invoke(String token, TypeShape<T> targetType, InvokeArgs args, @Nullable InvokeOptions options,
            CompletableFuture<String> packageRef) {
        return invoke(token, targetType, args);
    }

    @Override
    public <T> Output<T> invoke(String token, TypeShape<T> targetType, InvokeArgs args, @Nullable InvokeOutputOptions options) {
        return invoke(token, targetType, args);
    }

    @Override
    public <T> Output<T> invoke(String token, TypeShape<T> targetType, InvokeArgs args, @Nullable InvokeOutputOptions options,
            CompletableFuture<String> packageRef) {
        return invoke(token, targetType, args);
    }

    @Override
    public CompletableFuture<Void> invokeAsync(String token, InvokeArgs args) {
        return invokeData(token, TypeShape.of(Object.class), args).thenApply(data -> null);
    }

    @Override
    public CompletableFuture<Void> invokeAsync(String token, InvokeArgs args, InvokeOptions options) {
        return invokeAsync(token, args);
    }

    @Override
    public <T> CompletableFuture<T> invokeAsync(String token, TypeShape<T> targetType, InvokeArgs args) {
        return invokeData(token, targetType, args).thenApply(OutputData::getValueNullable);
    }

    @Override
    public <T> CompletableFuture<T> invokeAsync(String token, TypeShape<T> targetType, InvokeArgs args, InvokeOptions options) {
        return invokeAsync(token, targetType, args);
    }

    @Override
    public <T> CompletableFuture<T> invokeAsync(String token, TypeShape<T> targetType, InvokeArgs args, InvokeOptions options,
            CompletableFuture<String> packageRef) {
        return invokeAsync(token, targetType, args);
    }

    /** Arguments serialized as the SDK does, answered by the mocks, converted to the result type. */
    private <T> CompletableFuture<OutputData<T>> invokeData(String token, TypeShape<T> targetType, InputArgs args) {
        String label = "invoke:" + token;
        return InputValues.of(args)
                .thenCompose(inputs -> ContextAwareCompletableFuture.wrap(mocks.callAsync(new Mocks.CallArgs(token, ImmutableMap.copyOf(inputs), ""))))
                .thenCompose(this::answer)
                .thenApply(answer -> converter.convertValue(label + " result", Serializer.createValue(answer.state()), targetType));
    }

    @Override
    public <T> Output<T> call(String token, TypeShape<T> targetType, CallArgs args, @Nullable Resource self,
            @Nullable CallOptions options) {
        throw unsupported("call " + token);
    }

    @Override
    public <T> Output<T> call(String token, TypeShape<T> targetType, CallArgs args, @Nullable Resource self) {
        throw unsupported("call " + token);
    }

    @Override
    public <T> Output<T> call(String token, TypeShape<T> targetType, CallArgs args) {
        throw unsupported("call " + token);
    }

    @Override
    public void call(String token, CallArgs args, @Nullable Resource self, @Nullable CallOptions options) {
        throw unsupported("call " + token);
    }

    @Override
    public void call(String token, CallArgs args, @Nullable Resource self) {
        throw unsupported("call " + token);
    }

    @Override
    public void call(String token, CallArgs args) {
        throw unsupported("call " + token);
    }

    @Override
    public CompletableFuture<String> registerPackage(String baseProviderName, String baseProviderVersion,
            String baseProviderDownloadUrl, String packageName, String packageVersion, String base64Parameter) {
        throw unsupported("packages (" + packageName + ")");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the direct deployment does not support " + what);
    }

    // ---- the deployment's identity

    @Override
    public String getStackName() {
        return state.stackName;
    }

    @Override
    public String getProjectName() {
        return state.projectName;
    }

    @Override
    public String getOrganizationName() {
        return state.organizationName;
    }

    @Override
    public String getRootDirectory() {
        return state.rootDirectory;
    }

    @Override
    public void requirePulumiVersion(String range) {
        // no engine to check against
    }

    @Override
    public boolean isDryRun() {
        return false;
    }

    @Override
    public DeploymentImpl.Config getConfig() {
        return state.config;
    }

    @Override
    public Optional<String> getConfig(String fullKey) {
        return state.config.getConfig(fullKey);
    }

    @Override
    public boolean isConfigSecret(String fullKey) {
        return state.config.isConfigSecret(fullKey);
    }

    @Override
    public Stack getStack() {
        if (stack == null) {
            throw new IllegalStateException("the stack is set when the run starts");
        }
        return stack;
    }

    @Override
    public void setStack(Stack stack) {
        this.stack = stack;
    }

    @Override
    public Runner getRunner() {
        return runner;
    }
}
