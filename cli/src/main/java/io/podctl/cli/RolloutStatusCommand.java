package io.podctl.cli;

import io.podctl.rollout.journal.Controls;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.JournalUnreadableException;
import io.podctl.rollout.journal.LockOwner;
import io.podctl.rollout.journal.LockState;
import io.podctl.rollout.journal.StepRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the journal of the fleet's rollout: steps, lock, flags.",
            "Says 'interrupted' when a step was in flight and its run is gone, 'journal unreadable' (exit 2) when a file is damaged."})
final class RolloutStatusCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RolloutContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Journal journal = context.journal();
        Instant now = Instant.now();
        LockState lock = journal.lockState();
        JournalState state;
        try {
            state = journal.state();
        } catch (JournalUnreadableException e) {
            out.println("fleet " + context.fleet() + ": journal unreadable");
            printLockAndFlags(out, journal, lock, now);
            spec.commandLine().getErr().println("podctl: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        out.println("fleet " + context.fleet() + ": " + condition(state, lock, now));
        boolean damaged = printLockAndFlags(out, journal, lock, now);
        for (StepRecord step : state.steps()) {
            String took = step.ended() == null ? "in flight" : Duration.between(step.started(), step.ended()).toMillis() / 1000.0 + " s";
            out.printf("%-8s %-60s %-10s %s%n", step.status(), step.id(), took, step.detail());
        }
        state.podsFinished().forEach((pod, at) -> out.println("pod " + pod + " finished at " + at));
        return damaged ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    /** Running, interrupted (a step in flight and its run gone), or how the last run ended. */
    static String condition(JournalState state, LockState lock, Instant now) {
        Optional<StepRecord> inFlight = state.steps().stream().filter(s -> s.status() == StepRecord.StepStatus.STARTED).reduce((a, b) -> b);
        Optional<LockOwner.Liveness> holder = lock instanceof LockState.Held held
                ? Optional.of(held.owner().liveness(Journal.hostName(), now)) : Optional.empty();
        if (holder.isPresent() && holder.get().state() == LockOwner.State.ALIVE) {
            return "running" + inFlight.map(s -> " (" + s.id() + " in flight)").orElse("");
        }
        if (inFlight.isPresent()) {
            String why = holder.map(LockOwner.Liveness::reason).orElse("no run holds the lock");
            return holder.isPresent() && holder.get().state() == LockOwner.State.UNKNOWN
                    ? "running on another host, or interrupted (" + why + "); " + inFlight.get().id() + " in flight"
                    : "interrupted (" + why + "): " + inFlight.get().id() + " was in flight; 'podctl rollout run --break-lock' resumes it";
        }
        String outcome = state.outcome().isEmpty() ? "no rollout yet" : state.outcome();
        return outcome + (state.reason().isEmpty() ? "" : " (" + state.reason() + ")");
    }

    /** @return whether the lock or flags file is damaged */
    private boolean printLockAndFlags(PrintWriter out, Journal journal, LockState lock, Instant now) {
        boolean damaged = false;
        if (lock instanceof LockState.Held held) {
            LockOwner.Liveness liveness = held.owner().liveness(Journal.hostName(), now);
            out.println("lock: held by " + held.owner() + (liveness.state() == LockOwner.State.STALE ? ", STALE: " : ", ")
                    + liveness.reason());
        } else if (lock instanceof LockState.Unreadable unreadable) {
            out.println("lock: unreadable: " + unreadable.problem().getMessage());
            damaged = true;
        } else {
            out.println("lock: free");
        }
        try {
            Controls controls = journal.controls();
            out.println("flags: " + (controls.aborted() ? "aborted" : controls.paused() ? "paused" : "none"));
        } catch (JournalUnreadableException e) {
            out.println("flags: unreadable: " + e.getMessage());
            damaged = true;
        }
        return damaged;
    }
}
