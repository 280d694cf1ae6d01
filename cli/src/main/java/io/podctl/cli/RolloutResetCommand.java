package io.podctl.cli;

import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.LockOwner;
import io.podctl.rollout.journal.LockState;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Move the fleet's journal (and any damaged lock or flags file) aside, so the next 'rollout run'",
            "starts a fresh journal; what is left to do then comes from the deployed state. Nothing is deleted."},
        footer = {"", "Example:", "  podctl rollout reset --archive --local fleet.json"})
final class RolloutResetCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RolloutContext context;

    @Option(names = "--archive", description = "Required: keep the old files under <name>.archived-<time>.")
    boolean archive;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!archive) {
            throw new UserError("say --archive: reset only moves the journal aside (it never deletes one)");
        }
        Journal journal = context.journal();
        Instant now = Instant.now();
        if (journal.lockState() instanceof LockState.Held held) {
            LockOwner.Liveness liveness = held.owner().liveness(Journal.hostName(), now);
            if (liveness.state() == LockOwner.State.ALIVE) {
                throw new UserError("a rollout holds the lock (" + held.owner() + ", " + liveness.reason()
                        + "): reset only when no run is going", ExitCode.WAITING);
            }
        }
        List<String> moved = journal.archive(now);
        PrintWriter out = spec.commandLine().getOut();
        if (moved.isEmpty()) {
            out.println("nothing to archive for " + context.fleet());
        }
        moved.forEach(line -> out.println("archived " + line));
        return ExitCode.OK;
    }
}
