package io.podctl.cli;

import io.podctl.rollout.journal.Controls;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The persisted flags a running rollout reads between steps. */
final class RolloutControlCommands {

    private RolloutControlCommands() {
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop after the step in flight; 'rollout run' then exits 3 until 'rollout resume'.")
    static final class Pause implements Callable<Integer> {
        @CommandLine.Mixin
        RolloutContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            context.journal().setControls(new Controls(true, false));
            spec.commandLine().getOut().println("rollout of " + context.fleet() + " paused");
            return ExitCode.OK;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Clear pause and abort; the next 'rollout run' continues.")
    static final class Resume implements Callable<Integer> {
        @CommandLine.Mixin
        RolloutContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            context.journal().setControls(Controls.NONE);
            spec.commandLine().getOut().println("rollout of " + context.fleet() + " may continue: run 'podctl rollout run'");
            return ExitCode.OK;
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true, description = "Stop after the step in flight, keeping what is done.")
    static final class Abort implements Callable<Integer> {
        @CommandLine.Mixin
        RolloutContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            context.journal().setControls(new Controls(false, true));
            spec.commandLine().getOut().println("rollout of " + context.fleet() + " aborted; finished steps are kept");
            return ExitCode.OK;
        }
    }
}
