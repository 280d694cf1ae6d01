package io.podctl.cli;

import io.podctl.rollout.journal.Controls;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.StepRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the journal of the fleet's rollout: steps, lock, flags.")
final class RolloutStatusCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RolloutContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Journal journal = context.journal();
        JournalState state = journal.state();
        Controls controls = journal.controls();
        out.println("fleet " + context.fleet() + ": " + (state.outcome().isEmpty() ? "no rollout yet" : state.outcome())
                + (state.reason().isEmpty() ? "" : " (" + state.reason() + ")"));
        out.println("lock: " + journal.lockOwner().map(Object::toString).orElse("free"));
        out.println("flags: " + (controls.aborted() ? "aborted" : controls.paused() ? "paused" : "none"));
        for (StepRecord step : state.steps()) {
            String took = step.ended() == null ? "in flight" : Duration.between(step.started(), step.ended()).toMillis() / 1000.0 + " s";
            out.printf("%-8s %-60s %-10s %s%n", step.status(), step.id(), took, step.detail());
        }
        state.podsFinished().forEach((pod, at) -> out.println("pod " + pod + " finished at " + at));
        return ExitCode.OK;
    }
}
