package io.podctl.cli;

import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.JournalUnreadableException;
import io.podctl.rollout.journal.LockHeldException;
import io.podctl.rollout.journal.LockOwner;
import io.podctl.rollout.journal.LockState;
import io.podctl.rollout.run.Clock;
import io.podctl.rollout.run.GatePolicy;
import io.podctl.rollout.run.Outcome;
import io.podctl.rollout.run.RolloutExecutor;
import io.podctl.rollout.run.RunOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import io.podctl.spec.load.SpecSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Upgrade the pods of the plan: shows the plan, asks unless --yes, then rolls node by node,",
            "waiting after each node until its role is healthy again. A re-run resumes from the journal."})
final class RolloutRunCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @CommandLine.Mixin
    RolloutContext context;

    @Option(names = "--yes", description = "Do not ask for approval.")
    boolean yes;

    @Option(names = "--max-pods", paramLabel = "N", description = "Upgrade at most N pods in this run.")
    int maxPods = Integer.MAX_VALUE;

    @Option(names = "--break-lock", description = "Take over a stale lock: its holder's pid is gone from this host, or its lease expired.")
    boolean breakLock;

    @Option(names = "--gate-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between health polls (default: 250ms).")
    Duration gateInterval = GatePolicy.DEFAULT.interval();

    @Option(names = "--gate-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a gate may wait before the rollout halts (default: 5m).")
    Duration gateTimeout = GatePolicy.DEFAULT.timeout();

    @Option(names = "--gate-passes", paramLabel = "N", description = "Consecutive healthy answers a gate needs (default: 2).")
    int gatePasses = GatePolicy.DEFAULT.passes();

    @Option(names = "--step-estimate", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Expected time per node, to not start a pod in the last part of its window (default: 3m).")
    Duration stepEstimate = RunOptions.DEFAULT.stepEstimate();

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a draining agent's frameworks get to accept the inverse offers, and its tasks to be killed, "
                    + "before it is taken down anyway (default: 10m).")
    Duration drainTimeout = RunOptions.DEFAULT.drainTimeout();

    @Option(names = "--prod-first",
            description = "Let a prod pod move to versions no not-prod pod of the rollout runs yet (an emergency fix, "
                    + "or no not-prod pod deployed). Without it such a pod is refused and nothing is touched.")
    boolean prodFirst;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Journal journal = context.journal();
        try {
            journal.state();
            journal.controls();
        } catch (JournalUnreadableException e) {
            throw new UserError(e.getMessage());
        }
        SpecSet specs = context.specs();
        RolloutContext.Runner runner = context.runner(specs, out);
        RolloutContext.Loaded loaded = context.plan(specs, runner, journal.state());
        RolloutPlanTable.print(loaded.plan(), loaded.skipped(), out);
        if (loaded.plan().upToDate()) {
            return ExitCode.OK;
        }
        if (!yes && !approved(out)) {
            out.println("not approved: nothing touched");
            return ExitCode.WAITING;
        }
        if (breakLock) {
            breakLock(journal, out);
        }
        try {
            journal.lock(Instant.now());
        } catch (LockHeldException e) {
            throw new UserError(e.getMessage(), ExitCode.WAITING);
        } catch (JournalUnreadableException e) {
            throw new UserError(e.getMessage() + "; or take it over with --break-lock");
        }
        try {
            RunOptions options = new RunOptions(new GatePolicy(gateInterval, gateTimeout, gatePasses), stepEstimate, maxPods, 1, drainTimeout, prodFirst);
            RolloutExecutor executor = new RolloutExecutor(runner.driver(), runner.targets(), journal, Clock.SYSTEM, options, line -> {
                out.println(TIME.format(Instant.now()) + " " + line);
                out.flush();
            });
            Outcome outcome = executor.run(loaded.plan());
            return report(outcome);
        } finally {
            journal.unlock();
        }
    }

    /** Takes over a lock whose holder is gone (or unknown), saying whose; never one held by a live run. */
    private static void breakLock(Journal journal, PrintWriter out) {
        LockState lock = journal.lockState();
        if (lock instanceof LockState.Held held) {
            LockOwner.Liveness liveness = held.owner().liveness(Journal.hostName(), Instant.now());
            if (liveness.state() == LockOwner.State.ALIVE) {
                throw new UserError("not breaking the lock held by " + held.owner() + ": " + liveness.reason()
                        + " (--break-lock takes over only a lock whose holder is gone)", ExitCode.WAITING);
            }
            out.println("taking over the lock held by " + held.owner() + " (" + liveness.reason() + ")");
        } else if (lock instanceof LockState.Unreadable) {
            out.println("removing the unreadable lock file " + journal.where("lock.json"));
        }
        journal.unlock();
    }

    private int report(Outcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        if (outcome instanceof Outcome.Finished) {
            out.println("rollout " + outcome.describe());
            return ExitCode.OK;
        }
        spec.commandLine().getErr().println("podctl: rollout " + outcome.describe());
        return outcome instanceof Outcome.Waiting || outcome instanceof Outcome.Paused ? ExitCode.WAITING : ExitCode.FAILED;
    }

    private boolean approved(PrintWriter out) throws Exception {
        out.print("Proceed with this rollout? [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** 250ms, 2s, 5m, 1h. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("expected a duration like 250ms, 2s, 5m or 1h, got '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }
}
