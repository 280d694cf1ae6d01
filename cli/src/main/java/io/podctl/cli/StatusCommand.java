package io.podctl.cli;

import io.podctl.aws.AwsContext;
import io.podctl.aws.boot.BootMarker;
import io.podctl.aws.boot.BootMarkers;
import io.podctl.aws.inventory.Ec2PodInventory;
import io.podctl.aws.inventory.ExpectedNode;
import io.podctl.aws.inventory.InventoryDiff;
import io.podctl.aws.inventory.PodInstance;
import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.spec.model.Pod;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Compare the pod's live EC2 instances (found by their podctl:pod tag) with its plan:",
            "control nodes missing, extra or on another version; agents counted against the plan;",
            "per host its boot marker from SSM (/pods/POD/status/...): ok, failed at a step, or none yet."},
        footer = {"", "Examples:", "  podctl status prd-pod-1",
            "", "Exit codes: 0 in sync, 1 out of sync, a host's boot failed or AWS refused, 2 bad pod or no credentials."})
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "POD")
    String podName;

    @Mixin
    PodOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Pod pod = Pods.find(options.pods, podName);
        PodPlan plan = PodPlanner.plan(pod);
        AwsContext aws = AwsCommands.context(options.endpointUrl).withRegion(plan.region());
        var inventory = new Ec2PodInventory(aws);
        List<PodInstance> live = AwsCommands.call(() -> inventory.instances(pod.name()));
        BootMarkers markers = AwsCommands.call(() -> BootMarkers.read(aws, pod.name()));
        // agents come and go in auto scaling groups: counted, not matched node by node
        List<PodInstance> agents = live.stream().filter(i -> i.role().filter(Role.MESOS_AGENT.wire()::equals).isPresent()).toList();
        List<PodInstance> control = live.stream().filter(i -> !agents.contains(i)).toList();
        InventoryDiff diff = InventoryDiff.compare(expected(plan), control);
        int plannedAgents = plan.agentGroups().stream().mapToInt(AgentGroup::count).sum();
        boolean bootFailed = live.stream().anyMatch(i -> marker(markers, i).filter(BootMarker::failed).isPresent());
        boolean inSync = diff.inSync() && agents.size() == plannedAgents;
        print(spec.commandLine().getOut(), plan, control, agents, diff, plannedAgents, markers, inSync, bootFailed);
        return inSync && !bootFailed ? ExitCode.OK : ExitCode.FAILED;
    }

    static List<ExpectedNode> expected(PodPlan plan) {
        return plan.controlHosts().stream().map(StatusCommand::expected).toList();
    }

    private static ExpectedNode expected(Host host) {
        String role = String.join("+", host.roles().stream().sorted().map(Role::wire).toList());
        return new ExpectedNode(host.node(), role, host.versions().tag());
    }

    /** A control host's marker is its node's; an agent's is its pool's node plus its instance id. */
    private static Optional<BootMarker> marker(BootMarkers markers, PodInstance instance) {
        if (instance.role().filter(Role.MESOS_AGENT.wire()::equals).isPresent()) {
            return instance.node().flatMap(pool -> markers.agent(pool, instance.instanceId()));
        }
        return instance.node().flatMap(markers::control);
    }

    private static String boot(BootMarkers markers, PodInstance instance) {
        return "boot: " + marker(markers, instance).map(BootMarker::describe).orElse("no marker yet");
    }

    private static void print(PrintWriter out, PodPlan plan, List<PodInstance> control, List<PodInstance> agents, InventoryDiff diff,
            int plannedAgents, BootMarkers markers, boolean inSync, boolean bootFailed) {
        out.println("pod " + plan.pod() + " in " + plan.region() + ": " + control.size() + " control instances for "
                + plan.controlHosts().size() + " planned nodes; " + agents.size() + " agents of " + plannedAgents + " planned");
        for (PodInstance i : control) {
            out.println("  " + i.node().orElse("(no node tag)") + "\t" + i.instanceId() + "\t" + i.zone() + "\t" + i.state()
                    + "\t" + i.role().orElse("-") + "\t" + i.version().orElse("-") + "\t" + boot(markers, i));
        }
        for (PodInstance a : agents) {
            out.println("  agent " + a.node().orElse("(no node tag)") + "\t" + a.instanceId() + "\t" + a.zone() + "\t" + a.state()
                    + "\t" + a.version().orElse("-") + "\t" + boot(markers, a));
        }
        diff.missing().forEach(n -> out.println("missing: " + n.node() + " (" + n.role() + ", " + n.version() + ")"));
        diff.extra().forEach(i -> out.println("extra: " + i.instanceId() + " (" + i.node().orElse("no node tag") + ", " + i.state() + ")"));
        diff.drifted().forEach(d -> out.println("drifted: " + d.expected().node() + " runs " + d.actualVersion() + ", plan says "
                + d.expected().version()));
        markers.unreadable().values().forEach(name -> out.println("unreadable boot marker: " + name));
        out.println(inSync ? "in sync" : "out of sync");
        if (bootFailed) {
            out.println("boot failed: a host's marker names the failed step; on the host, journalctl -u STEP says why");
        }
    }
}
