package io.podctl.engine;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OutputValue;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.PreviewResult;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.RefreshOptions;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.UpResult;
import com.pulumi.automation.UpdateResult;
import com.pulumi.automation.WorkspaceStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * {@link StackEngine} over the Pulumi Automation API, with the inline pod program.
 *
 * <p>Each pod gets its own work directory, because the Automation API's operations act on the
 * workspace's selected stack and never pass {@code --stack}: two pods in one directory could
 * deploy one pod's program into the other's stack.
 */
public final class AutomationEngine implements StackEngine {

    public static final String PROJECT = "podctl";
    /**
     * The AWS SDKs' variable for one endpoint for every service; the Terraform AWS provider under
     * the aws plugin honours it as well.
     */
    static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    private final EngineSettings settings;
    private final PulumiCommand pulumi;
    private final TimeLimit timeLimit;
    private final LongSupplier nanoClock;
    private final AtomicBoolean pluginReady = new AtomicBoolean();

    public AutomationEngine(EngineSettings settings, PulumiCommand pulumi) {
        this(settings, pulumi, System::nanoTime);
    }

    AutomationEngine(EngineSettings settings, PulumiCommand pulumi, LongSupplier nanoClock) {
        this.settings = settings;
        this.pulumi = pulumi;
        this.timeLimit = new TimeLimit(settings.timeout());
        this.nanoClock = nanoClock;
    }

    @Override
    public StackResult preview(PodStack stack, ProgressListener progress) {
        return operate(Operation.PREVIEW, stack, progress, (s, events) -> {
            PreviewResult result = s.preview(PreviewOptions.builder().onEvent(events).build());
            return new Outcome(result.changeSummary(), Map.of());
        });
    }

    @Override
    public StackResult up(PodStack stack, ProgressListener progress) {
        return operate(Operation.UP, stack, progress, (s, events) -> {
            if (interrupted(stack).isPresent()) {
                // a run cut short may have changed resources it never recorded: read them back first
                s.refresh(RefreshOptions.builder().onEvent(events).build());
            }
            UpResult result = s.up(UpOptions.builder().onEvent(events).build());
            Files.deleteIfExists(settings.workDir(stack.pod()).resolve(INTERRUPTED));
            return new Outcome(result.summary().resourceChanges(), strings(result.outputs()));
        });
    }

    /** Left in a pod's work directory by a run that hit its time limit; the next up refreshes first. */
    static final String INTERRUPTED = "interrupted";

    private java.util.Optional<java.nio.file.Path> interrupted(PodStack stack) {
        java.nio.file.Path marker = settings.workDir(stack.pod()).resolve(INTERRUPTED);
        return Files.exists(marker) ? java.util.Optional.of(marker) : java.util.Optional.empty();
    }

    @Override
    public StackResult destroy(PodStack stack, ProgressListener progress) {
        return operate(Operation.DESTROY, stack, progress, (s, events) -> {
            UpdateResult result = s.destroy(DestroyOptions.builder().onEvent(events).build());
            return new Outcome(result.summary().resourceChanges(), Map.of());
        });
    }

    @Override
    public StackResult refresh(PodStack stack, ProgressListener progress) {
        return operate(Operation.REFRESH, stack, progress, (s, events) -> {
            UpdateResult result = s.refresh(RefreshOptions.builder().onEvent(events).build());
            return new Outcome(result.summary().resourceChanges(), Map.of());
        });
    }

    @Override
    public Map<String, String> outputs(PodStack stack) {
        return operate(Operation.OUTPUTS, stack, ProgressListener.NONE, (s, events) -> new Outcome(Map.of(), strings(s.getOutputs())))
                .outputs();
    }

    private record Outcome(Map<com.pulumi.automation.OperationType, Integer> changes, Map<String, String> outputs) {}

    @FunctionalInterface
    private interface StackCall {
        Outcome run(WorkspaceStack stack, EngineEvents events) throws AutomationException, IOException;
    }

    private StackResult operate(Operation operation, PodStack pod, ProgressListener progress, StackCall call) {
        String what = operation.label() + " of pod " + pod.pod();
        long start = nanoClock.getAsLong();
        EngineEvents events = new EngineEvents(progress, nanoClock);
        Outcome outcome;
        try {
            outcome = timeLimit.run(what, () -> {
                try (WorkspaceStack stack = open(pod, operation != Operation.OUTPUTS)) {
                    return call.run(stack, events);
                } catch (AutomationException e) {
                    throw CliFailures.translate(what, pod.pod(), settings, e, events.resourceErrors());
                }
            });
        } catch (EngineTimeout timeout) {
            markInterrupted(pod);
            releaseLock(pod);
            throw timeout;
        }
        // the summary event is the engine's own count; the result's map is the fallback
        Map<ResourceOp, Integer> counts = events.summary().isEmpty() ? EngineEvents.counts(outcome.changes()) : events.summary();
        return new StackResult(operation, pod.pod(), new StackChanges(counts, events.steps()), outcome.outputs(),
                Duration.ofNanos(nanoClock.getAsLong() - start));
    }

    private void markInterrupted(PodStack pod) {
        try {
            Files.createDirectories(settings.workDir(pod.pod()));
            Files.writeString(settings.workDir(pod.pod()).resolve(INTERRUPTED), "a run hit its time limit\n");
        } catch (IOException e) {
            // without the marker the next up runs without a refresh, as before
        }
    }

    /**
     * After a timeout podctl has ended its own pulumi processes, so the lock they left is podctl's:
     * removing it lets the next run continue the stack (its state has every step that finished).
     */
    private void releaseLock(PodStack pod) {
        try {
            timeLimit.run("unlocking pod " + pod.pod(), () -> {
                try (WorkspaceStack stack = open(pod)) {
                    stack.cancel();
                }
                return null;
            });
        } catch (RuntimeException unlockFailed) {
            // the timeout is what the user must hear about; the busy error of the next run names the lock
        }
    }

    private WorkspaceStack open(PodStack pod) throws Exception {
        return open(pod, true);
    }

    /** @param create false for reads: a pod that was never deployed must not get an empty stack from a look */
    private WorkspaceStack open(PodStack pod, boolean create) throws Exception {
        var workDir = settings.workDir(pod.pod());
        try {
            Files.createDirectories(workDir);
            settings.fileBackendDirectory().ifPresent(AutomationEngine::createDirectories);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory " + workDir, e);
        }
        LocalWorkspaceOptions options = LocalWorkspaceOptions.builder()
                .workDir(workDir)
                .pulumiCommand(pulumi)
                .environmentVariables(environment())
                .build();
        WorkspaceStack stack;
        try {
            stack = create ? LocalWorkspace.createOrSelectStack(PROJECT, pod.pod(), pod.program(), options)
                    : LocalWorkspace.selectStack(PROJECT, pod.pod(), pod.program(), options);
        } catch (StackNotFoundException e) {
            throw new StackNotFound(pod.pod());
        }
        try {
            if (pluginReady.compareAndSet(false, true)) {
                AwsPlugin.ensure(stack.workspace(), engineProcessEnvironment());
            }
            Map<String, ConfigValue> config = config(pod);
            if (!StackSettings.holds(workDir.resolve("Pulumi." + pod.pod() + ".yaml"), config)) {
                stack.setAllConfig(config, true);
            }
            return stack;
        } catch (Exception e) {
            pluginReady.set(false);
            stack.close();
            throw e;
        }
    }

    private static void createDirectories(java.nio.file.Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EngineSetupException("cannot create the state directory " + dir + " (" + e.getMessage()
                    + "): pass a writable --backend file:///path or s3://bucket/prefix");
        }
    }

    /** What the engine's processes see: this process's environment under {@link #environment()}. */
    private Map<String, String> engineProcessEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(environment());
        return env;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(settings.providerEnvironment());
        env.put("PULUMI_BACKEND_URL", settings.backendUrl());
        env.put("PULUMI_CONFIG_PASSPHRASE", settings.passphrase());
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        // the plugin is made ready before each operation (AwsPlugin); a download mid-run only retries
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        // An endpoint override goes to the provider as the environment variable rather than as
        // aws:endpoints config: the provider validates its ~300-attribute endpoints block on every
        // start, which cost 3.2 s of each 10 s preview against an emulator.
        settings.endpoint().ifPresent(url -> env.put(ENDPOINT_ENV, url.toString()));
        return env;
    }

    /** Stack config: the region, an emulator's settings when an endpoint is given, then the caller's keys. */
    Map<String, ConfigValue> config(PodStack pod) {
        Map<String, ConfigValue> config = new TreeMap<>();
        config.put("aws:region", new ConfigValue(pod.region()));
        settings.endpoint().ifPresent(url -> {
            // an emulator has no real account, STS identity or bucket DNS
            config.put("aws:skipCredentialsValidation", new ConfigValue("true"));
            // with the account id unknown, every refresh of a security group rule drifts on
            // referencedSecurityGroupId ("<account>/sg-..."); emulators answer STS, so ask them
            config.put("aws:skipRequestingAccountId", new ConfigValue("false"));
            config.put("aws:skipMetadataApiCheck", new ConfigValue("true"));
            config.put("aws:s3UsePathStyle", new ConfigValue("true"));
        });
        pod.config().forEach((k, v) -> config.put(k, new ConfigValue(v)));
        return config;
    }

    /** Outputs as strings; secrets never leave the engine in clear. */
    private static Map<String, String> strings(Map<String, OutputValue> outputs) {
        Map<String, String> strings = new TreeMap<>();
        outputs.forEach((k, v) -> strings.put(k, v.isSecret() ? "[secret]" : String.valueOf(v.value())));
        return strings;
    }
}
