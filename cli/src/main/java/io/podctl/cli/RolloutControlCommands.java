package io.podctl.cli;

import io.podctl.rollout.journal.Controls;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The persisted flags a running rollout reads between steps. */
final class RolloutControlCommands {

    private RolloutControlCommands() {
    }

    /** Writes one set of flags to the fleet's journal and says what it means. */
    abstract static class SetControls implements Callable<Integer> {
        @CommandLine.Mixin
        RolloutContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract Controls controls();

        abstract String outcome();

        @Override
        public Integer call() {
            context.journal().setControls(controls());
            spec.commandLine().getOut().println("rollout of " + context.fleet() + " " + outcome());
            return ExitCode.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop after the step in flight; 'rollout run' then exits 3 until 'rollout resume'.")
    static final class Pause extends SetControls {
        Controls controls() {
            return new Controls(true, false);
        }

        String outcome() {
            return "paused";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Clear pause and abort; the next 'rollout run' continues.")
    static final class Resume extends SetControls {
        Controls controls() {
            return Controls.NONE;
        }

        String outcome() {
            return "may continue: run 'podctl rollout run'";
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true, description = "Stop after the step in flight, keeping what is done.")
    static final class Abort extends SetControls {
        Controls controls() {
            return new Controls(false, true);
        }

        String outcome() {
            return "aborted; finished steps are kept";
        }
    }
}
