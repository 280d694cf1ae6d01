package io.podctl.cli;

import io.podctl.rollout.plan.NotProdFirst;
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
        RolloutContext.Runner runner = context.runner(specs, out);
        RolloutContext.Loaded loaded = context.plan(specs, runner, journal);
        RolloutPlanTable.print(loaded.plan(), loaded.skipped(), out);
        NotProdFirst.unproven(loaded.plan()).forEach((pod, versions) ->
                out.println("refused unless --prod-first: " + NotProdFirst.refusal(pod, versions)));
        if (runner.targets() instanceof ProbeRoutes routes) {
            // what a run would take to reach each pod with changes; choosing touches nothing
            loaded.plan().pending().forEach(pod -> routes.of(pod.topology()));
        }
        return ExitCode.OK;
    }
}
