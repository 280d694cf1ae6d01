package io.podctl.cli;

import io.podctl.engine.PodStack;
import io.podctl.engine.StackEngine;
import io.podctl.engine.StackResult;
import io.podctl.plan.PodPlan;
import io.podctl.plan.SubnetClash;
import io.podctl.spec.model.Pod;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Create or update the pod's resources: preview first, then ask.",
            "A not-prod pod asks y/N; a prod pod asks for its name to be typed. --yes skips the question."},
        footer = {"", "Examples:",
            "  podctl up not-prod-pod-1",
            "  podctl up prd-pod-1 --yes --backend s3://podctl-state/pods   # CI, after an approved preview",
            "", "Exit codes: 0 done or nothing to do, 1 engine failed, 2 bad input or missing pulumi/credentials/passphrase,",
            "  3 not approved."})
final class UpCommand extends StackCommand {

    @Option(names = {"-y", "--yes"}, description = "Do not ask; apply the previewed changes.")
    boolean yes;

    UpCommand() {
        this(EngineSessions.real());
    }

    UpCommand(EngineSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        Pod pod = pod();
        Prepared<PodPlan> prepared = engineWhilePlanning(() -> deployablePlan(pod));
        StackEngine engine = prepared.engine();
        PodPlan plan = prepared.plan();
        refuseZoneMove(plan);
        PodStack stack = stack(plan, true);
        StackResult preview = run(p -> engine.preview(stack, p), progress());
        if (!preview.changes().hasChanges()) {
            out().println("pod " + pod.name() + " is up to date: " + preview.changes().describe());
            return ExitCode.OK;
        }
        out().println("pod " + pod.name() + " will change: " + preview.changes().describe());
        Approval.require(pod, "update", yes, sessions.stdin().get(), out());
        StackResult up = run(p -> engine.up(stack, p), progress());
        out().println("up of pod " + pod.name() + " done in " + up.elapsed().toSeconds() + "s: " + up.changes().describe());
        up.outputs().forEach((k, v) -> out().println("  " + k + " = " + v));
        return ExitCode.OK;
    }

    /**
     * Checked in AWS before the engine runs, because the engine would only find it half way: its
     * new subnet is created while the old one still holds the range, after volumes and interfaces
     * were already made in the new zone.
     */
    private void refuseZoneMove(PodPlan plan) {
        List<SubnetClash> clashes = SubnetClash.find(plan.network(), sessions.subnets().of(plan, options));
        if (!clashes.isEmpty()) {
            throw new UserError("pod " + plan.pod() + " cannot move to other zones in place: "
                    + String.join("; ", clashes.stream().map(SubnetClash::describe).toList())
                    + ". AWS refuses overlapping subnets, so the update would fail half way. Keep the pod's zones"
                    + " (listing them in another order is fine), or create a new pod in the new zones, move the workloads"
                    + " and destroy this one; nothing was changed");
        }
    }
}
