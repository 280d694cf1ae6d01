package io.podctl.engine;

import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.Version;
import com.pulumi.automation.events.EngineEvent;
import com.pulumi.automation.events.ResourceOperationFailedEvent;
import com.pulumi.automation.events.ResourceOutputsEvent;
import com.pulumi.automation.events.ResourcePreEvent;
import com.pulumi.automation.events.StepEventMetadata;
import com.pulumi.automation.events.SummaryEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link PulumiCommand} standing in for the CLI: records every call (arguments, work dir, env)
 * and answers the way the CLI would, emitting engine events for the operations. Shared with the
 * CLI module's tests through the test-jar.
 */
public final class FakePulumi implements PulumiCommand {

    /** One CLI invocation as the Automation API made it. */
    public record Call(List<String> args, Path workDir, Map<String, String> env) {
        /** The stack a {@code stack select|init} call names. */
        public String stack() {
            return stackName(args);
        }

        public boolean is(String... words) {
            return args.size() >= words.length && args.subList(0, words.length).equals(List.of(words));
        }
    }

    /** What an operation reports: one step per resource plus the summary. */
    public record Step(OperationType op, String type, String name, boolean fails) {
        public static Step of(OperationType op, String type, String name) {
            return new Step(op, type, name, false);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> stacks = new HashSet<>();
    private final Map<String, List<Step>> stepsByOperation = new LinkedHashMap<>();
    private volatile String blockingOperation;
    private volatile Path blockingChild;
    private volatile String failingOperation;
    private volatile String failingStderr = "error: update failed\n  aws:ec2:Instance zk-1: InvalidAMIID.NotFound";
    private volatile String pluginsJson = "[]";
    private volatile boolean pluginDownloadFails;
    private volatile String outputsJson = "{\"zookeeperConnect\":\"zk-1.a.pod.internal:2181\"}";

    /** The steps {@code operation} (preview, up, destroy, refresh) reports. */
    public FakePulumi steps(String operation, Step... steps) {
        stepsByOperation.put(operation, List.of(steps));
        return this;
    }

    /** {@code operation} starts {@code child} (an executable named pulumi*) and waits on it for ever. */
    public FakePulumi blockIn(String operation, Path child) {
        this.blockingOperation = operation;
        this.blockingChild = child;
        return this;
    }

    /** {@code operation} exits 255 with an error on stderr, as the CLI does on a failed update. */
    public FakePulumi failIn(String operation) {
        this.failingOperation = operation;
        return this;
    }

    /** {@code operation} exits 255 with {@code stderr}, as the CLI does. */
    public FakePulumi failIn(String operation, String stderr) {
        this.failingOperation = operation;
        this.failingStderr = stderr;
        return this;
    }

    /** {@code plugin install} fails as it does on a machine without network. */
    public FakePulumi pluginDownloadFails() {
        this.pluginDownloadFails = true;
        return this;
    }

    /** What {@code plugin ls --json} lists. */
    public FakePulumi plugins(String json) {
        this.pluginsJson = json;
        return this;
    }

    public FakePulumi outputs(String json) {
        this.outputsJson = json;
        return this;
    }

    /** A stack that exists already, as after an earlier {@code up} from {@code workDir}. */
    public FakePulumi existingStack(Path workDir, String stack) {
        stacks.add(workDir + "/" + stack);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String... words) {
        return calls.stream().filter(c -> c.is(words)).toList();
    }

    /** Operations run (preview, up, destroy, refresh), in order. */
    public List<String> operations() {
        return calls.stream().map(c -> c.args().get(0))
                .filter(a -> List.of("preview", "up", "destroy", "refresh").contains(a)).toList();
    }

    @Override
    public Version version() {
        return Version.of(3, 210, 0);
    }

    @Override
    public CommandResult run(List<String> args, CommandRunOptions options) throws CommandException {
        calls.add(new Call(List.copyOf(args), options.workingDir(), Map.copyOf(options.additionalEnv())));
        String command = args.get(0);
        if (args.size() > 2 && command.equals("stack") && args.get(1).equals("select")) {
            String name = stackName(args);
            if (!stacks.contains(options.workingDir() + "/" + name)) {
                throw new StackNotFoundException(new CommandResult(255, "", "error: no stack named '" + name + "' found"));
            }
        } else if (args.size() > 2 && command.equals("stack") && args.get(1).equals("init")) {
            stacks.add(options.workingDir() + "/" + stackName(args));
        } else if (command.equals("plugin") && args.get(1).equals("install") && pluginDownloadFails) {
            throw new CommandException(new CommandResult(255, "", "error: [resource plugin aws-6.83.0] downloading from : "
                    + "failed to download plugin: aws-6.83.0: Get \"https://api.github.com/...\": dial tcp: lookup api.github.com: no such host"));
        } else if (command.equals("plugin") && args.get(1).equals("ls")) {
            return ok(pluginsJson);
        } else if (command.equals("stack") && args.get(1).equals("output")) {
            return ok(outputsJson);
        } else if (command.equals("stack") && args.get(1).equals("history")) {
            return ok(history(args));
        } else if (List.of("preview", "up", "destroy", "refresh").contains(command)) {
            return operation(command, options);
        }
        return ok("");
    }

    private CommandResult operation(String command, CommandRunOptions options) throws CommandException {
        if (command.equals(blockingOperation)) {
            block();
        }
        boolean planning = command.equals("preview");
        List<Step> steps = stepsByOperation.getOrDefault(command, List.of());
        Map<OperationType, Integer> counts = new LinkedHashMap<>();
        int sequence = 0;
        for (Step step : steps) {
            StepEventMetadata meta = new StepEventMetadata(step.op(), "urn:pulumi:stack::podctl::" + step.type() + "::" + step.name(),
                    step.type(), null, null, List.of(), List.of(), Map.of(), false, "");
            emit(options, ++sequence, pre(meta, planning));
            if (step.fails()) {
                emit(options, ++sequence, failed(meta));
            } else {
                emit(options, ++sequence, outputs(meta, planning));
                counts.merge(step.op(), 1, Integer::sum);
            }
        }
        emit(options, ++sequence, summary(counts));
        if (command.equals(failingOperation)) {
            throw new CommandException(new CommandResult(255, "", failingStderr));
        }
        return ok("");
    }

    private void block() {
        try {
            Process child = new ProcessBuilder(blockingChild.toString(), "300").start();
            child.waitFor(); // interrupted by the engine's time limit; the child stays, as with the real CLI
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void emit(CommandRunOptions options, int sequence, EngineEvent event) {
        if (options.onEngineEvent() != null) {
            options.onEngineEvent().accept(event);
        }
    }

    private static EngineEvent pre(StepEventMetadata meta, boolean planning) {
        return new EngineEvent(0, 0, null, null, null, null, null, new ResourcePreEvent(meta, planning), null, null, null);
    }

    private static EngineEvent outputs(StepEventMetadata meta, boolean planning) {
        return new EngineEvent(0, 0, null, null, null, null, null, null, new ResourceOutputsEvent(meta, planning), null, null);
    }

    private static EngineEvent failed(StepEventMetadata meta) {
        return new EngineEvent(0, 0, null, null, null, null, null, null, null, new ResourceOperationFailedEvent(meta, 1, 1), null);
    }

    private static EngineEvent summary(Map<OperationType, Integer> counts) {
        return new EngineEvent(0, 0, null, null, null, null, new SummaryEvent(false, 7, counts, Map.of()), null, null, null, null);
    }

    private String history(List<String> args) {
        String kind = calls.stream().map(c -> c.args().get(0))
                .filter(a -> List.of("up", "destroy", "refresh").contains(a)).reduce((a, b) -> b).orElse("up");
        List<Step> steps = stepsByOperation.getOrDefault(kind, List.of());
        Map<String, Integer> counts = new LinkedHashMap<>();
        steps.stream().filter(s -> !s.fails()).forEach(s -> counts.merge(s.op().name().toLowerCase().replace('_', '-'), 1, Integer::sum));
        List<String> changes = new ArrayList<>();
        counts.forEach((k, v) -> changes.add("\"" + k + "\":" + v));
        return "[{\"kind\":\"" + (kind.equals("up") ? "update" : kind) + "\",\"startTime\":\"2026-11-24T10:00:00.000Z\",\"endTime\":\"2026-11-24T10:00:07.000Z\","
                + "\"result\":\"succeeded\",\"version\":1,\"resourceChanges\":{" + String.join(",", changes) + "}}]";
    }

    private static String stackName(List<String> args) {
        int at = args.indexOf("--stack");
        return at >= 0 ? args.get(at + 1) : args.get(2);
    }

    private static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "");
    }
}
