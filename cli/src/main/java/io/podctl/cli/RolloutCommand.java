package io.podctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Rolling upgrades: pods in wave order, ZooKeeper, Mesos masters, Marathon, then agents;",
            "health-gated after every node, leader last, journaled under .podctl/rollouts/ so a re-run resumes."},
        subcommands = {RolloutPlanCommand.class, RolloutRunCommand.class, RolloutStatusCommand.class,
            RolloutControlCommands.Pause.class, RolloutControlCommands.Resume.class, RolloutControlCommands.Abort.class, RolloutResetCommand.class},
        footer = {"", "Exit codes: 0 done, 1 a gate or step failed (halted), 2 bad input, 3 waiting (window, soak, lock, pause, approval)."})
final class RolloutCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
