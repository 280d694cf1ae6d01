package io.podctl.cli;

import io.podctl.engine.EngineFailure;
import io.podctl.engine.StackEngine;
import io.podctl.engine.StackNotFound;
import io.podctl.engine.StackResult;
import io.podctl.spec.model.Pod;
import io.podctl.spec.model.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete the pod's resources. The control hosts' data volumes are kept (retained in AWS)",
            "unless --delete-data. A prod pod is refused without --force-prod."},
        footer = {"", "Examples:",
            "  podctl destroy not-prod-pod-2",
            "  podctl destroy not-prod-pod-2 --yes --delete-data      # a scratch pod, data too",
            "  podctl destroy prd-pod-2 --force-prod                  # asks for the pod's name",
            "", "Exit codes: 0 destroyed, 1 engine failed, 2 bad input (or prod without --force-prod), 3 not approved."})
final class DestroyCommand extends StackCommand {

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Option(names = "--force-prod", description = "Allow destroying a prod pod.")
    boolean forceProd;

    @Option(names = "--delete-data", description = "Delete the control hosts' data volumes too (ZooKeeper data is lost).")
    boolean deleteData;

    DestroyCommand() {
        this(EngineSessions.real());
    }

    DestroyCommand(EngineSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        Pod pod = pod();
        if (pod.spec().tier() == Tier.PROD && !forceProd) {
            throw new UserError("pod " + pod.name() + " is a prod pod: destroy refuses it without --force-prod; nothing was run");
        }
        StackEngine engine = engine();
        if (!forceProd && !refuseDeployedProd(pod, engine)) {
            out().println("pod " + pod.name() + " was never deployed (it has no stack): nothing to destroy");
            return ExitCode.OK;
        }
        Approval.require(pod, deleteData ? "destroy (with its data volumes)" : "destroy", yes, sessions.stdin().get(), out());
        if (deleteData) {
            // destroy does not run the program: the volumes' retain flag in the state comes from the
            // last up, so an up without it goes first
            out().println("releasing the data volumes of pod " + pod.name() + " for deletion");
            run(p -> engine.up(stack(pod, false), p), progress());
        }
        StackResult result = run(p -> engine.destroy(stack(pod, !deleteData), p), progress());
        out().println("destroyed pod " + pod.name() + ": " + result.changes().describe());
        if (!deleteData) {
            out().println("data volumes were kept in AWS (tagged podctl:pod=" + pod.name() + "); delete them with --delete-data");
        }
        return ExitCode.OK;
    }

    /**
     * The stack says what it is: a pod deployed as prod stays protected even after its spec's
     * {@code tier:} was edited. A stack deployed before the tier output existed has only the spec.
     *
     * @return false when the pod has no stack at all
     */
    private boolean refuseDeployedProd(Pod pod, StackEngine engine) {
        String deployed;
        try {
            deployed = engine.outputs(stack(pod, true)).get(PodPrograms.TIER_OUTPUT);
        } catch (StackNotFound e) {
            return false;
        } catch (EngineFailure e) {
            throw new UserError("cannot read the deployed tier of pod " + pod.name() + ": " + e.getMessage(), ExitCode.FAILED);
        }
        if (Tier.PROD.wire().equals(deployed)) {
            throw new UserError("pod " + pod.name() + " is deployed as prod (its stack's tier output), whatever its spec says now:"
                    + " destroy refuses it without --force-prod; nothing was run");
        }
        return true;
    }
}
