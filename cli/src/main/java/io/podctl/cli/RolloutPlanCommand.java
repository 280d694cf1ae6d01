package io.podctl.cli;

import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.JournalUnreadableException;
import io.podctl.spec.load.SpecSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show which nodes of which pods need a new version, and in which order they would roll.")
final class RolloutPlanCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RolloutContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SpecSet specs = context.specs();
        JournalState journal;
        try {
            journal = context.journal().state();
        } catch (JournalUnreadableException e) {
            throw new UserError(e.getMessage());
        }
        RolloutContext.Loaded loaded = context.plan(specs, context.runner(specs, out), journal);
        RolloutPlanTable.print(loaded.plan(), loaded.skipped(), out);
        return ExitCode.OK;
    }
}
