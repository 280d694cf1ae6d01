package io.podctl.engine.rollout;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import io.podctl.engine.EngineFailure;
import io.podctl.engine.PodStack;
import io.podctl.engine.ProgressListener;
import io.podctl.engine.ResourceStep;
import io.podctl.engine.StackChanges;
import io.podctl.engine.StackEngine;
import io.podctl.engine.StackNotFound;
import io.podctl.engine.StackResult;
import io.podctl.plan.AgentGroup;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.DriverException;
import io.podctl.rollout.run.NodeDriver;
import io.podctl.rollout.run.PodNotDeployed;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Moves one node at a time through Pulumi: the pod is re-planned with every node at its
 * deployed version except the one being upgraded, previewed, and deployed only when the
 * engine's change summary touches that node alone (its instance replaced through the
 * user-data change). Deployed versions come from the stack's {@code nodeVersions} output.
 *
 * <p>Agent pools are one auto scaling group each, without instance refresh. Replacing an agent
 * moves the pool's launch template to the new version (no running agent changes), then the
 * {@link AgentFleet} terminates that one instance and the group launches its replacement from
 * the new template. An agent's deployed version is the version its own instance booted with.
 */
public final class PulumiNodeDriver implements NodeDriver {
    /** The stack output the pod program exports: {"zk-1":"zookeeper=3.8.4", "agents-general":"mesos=1.11.0"}. */
    public static final String NODE_VERSIONS = "nodeVersions";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Stops one role's process on a node; Pulumi itself cannot stop a service (Marathon's
     * procedure needs it). {@code hostOnlyRunsRole} tells whether stopping the instance would be
     * the same thing; on a shared host only the process may stop (through Run Command).
     */
    @FunctionalInterface
    public interface NodeStopper {
        void stop(String pod, String node, Role role, boolean hostOnlyRunsRole) throws DriverException;
    }

    /** The instances of agent pools: per-instance versions, and the termination of one. */
    public interface AgentFleet {
        /** @return the {@code podctl:versions} tag of each running instance of the pool (poolNode: agents-general) */
        List<NodeVersions> versions(String pod, String poolNode) throws DriverException;

        void terminate(String pod, String poolNode, String privateIp) throws DriverException;
    }

    /** Backs up a ZooKeeper host's data (an EBS snapshot of its data volume); returns what was made. */
    @FunctionalInterface
    public interface ZooKeeperBackup {
        String backup(String pod, String hostName, String reason) throws DriverException;
    }

    private final StackEngine engine;
    private final Map<String, Pod> specs;
    private final Function<PodPlan, java.util.function.Consumer<Context>> program;
    private final NodeStopper stopper;
    private final ProgressListener progress;
    private final AgentFleet agents;
    private final ZooKeeperBackup backup;

    public PulumiNodeDriver(StackEngine engine, List<Pod> specs, Function<PodPlan, java.util.function.Consumer<Context>> program,
            NodeStopper stopper, ProgressListener progress) {
        this(engine, specs, program, stopper, progress, null);
    }

    /** @param agents null when agent instances cannot be reached: pools then count as at their template's version */
    public PulumiNodeDriver(StackEngine engine, List<Pod> specs, Function<PodPlan, java.util.function.Consumer<Context>> program,
            NodeStopper stopper, ProgressListener progress, AgentFleet agents) {
        this(engine, specs, program, stopper, progress, agents, null);
    }

    /** @param backup null when no ZooKeeper backup can be made: a Marathon upgrade then stops before its first step */
    public PulumiNodeDriver(StackEngine engine, List<Pod> specs, Function<PodPlan, java.util.function.Consumer<Context>> program,
            NodeStopper stopper, ProgressListener progress, AgentFleet agents, ZooKeeperBackup backup) {
        this.backup = backup;
        this.agents = agents;
        this.engine = engine;
        this.specs = new LinkedHashMap<>();
        specs.forEach(p -> this.specs.put(p.name(), p));
        this.program = program;
        this.stopper = stopper;
        this.progress = progress;
    }

    @Override
    public Map<String, NodeVersions> deployed(PodPlan pod) throws DriverException {
        Map<String, NodeVersions> byStackNode = stackVersions(pod);
        Map<String, NodeVersions> byRolloutNode = new LinkedHashMap<>(byStackNode);
        for (AgentGroup group : pod.agentGroups()) {
            String poolNode = PodPlanner.agentsNode(group.pool());
            NodeVersions poolVersion = byStackNode.get(poolNode);
            List<NodeVersions> instances = agents == null || poolVersion == null ? List.of() : agents.versions(pod.pod(), poolNode);
            for (int i = 1; i <= group.count() && poolVersion != null; i++) {
                // an agent's version is its instance's; a missing instance is unknown, so it is planned for update
                NodeVersions version = agents == null ? poolVersion : i <= instances.size() ? instances.get(i - 1) : null;
                if (version != null) {
                    byRolloutNode.put(RolloutPlanner.agentNode(group, i), version);
                }
            }
        }
        return byRolloutNode;
    }

    @Override
    public void upgrade(PodPlan pod, String node, Role role, String version) throws DriverException {
        String stackNode = role == Role.MESOS_AGENT ? PodPlanner.agentsNode(poolOf(pod, node)) : node;
        move(pod, stackNode, current -> current.with(role, version));
    }

    /**
     * The pool's launch template at {@code version} (a deployment that changes no running agent),
     * then the one instance at the machine's address terminated for the group to replace.
     */
    @Override
    public void replaceAgent(PodPlan pod, String node, AgentMaintenance.Machine machine, String version) throws DriverException {
        if (agents == null) {
            throw new DriverException("no access to the agent instances of " + pod.pod() + ": cannot replace " + node);
        }
        String poolNode = PodPlanner.agentsNode(poolOf(pod, node));
        move(pod, poolNode, current -> current.with(Role.MESOS_AGENT, version));
        agents.terminate(pod.pod(), poolNode, machine.ip());
    }

    @Override
    public String backupZooKeeper(PodPlan pod) throws DriverException {
        if (backup == null) {
            throw new DriverException("no ZooKeeper backup available for " + pod.pod() + ", which Marathon's upgrade needs first");
        }
        io.podctl.plan.Host host = pod.hostsRunning(Role.ZOOKEEPER).get(0);
        return backup.backup(pod.pod(), host.name(), "ZooKeeper state of " + pod.pod() + " before a Marathon upgrade");
    }

    /** All roles of the host in one deployment: a shared host is replaced once, not once per role. */
    @Override
    public void upgradeHost(PodPlan pod, String host, NodeVersions target) throws DriverException {
        move(pod, host, current -> new NodeVersions(
                target.zookeeper() == null ? current.zookeeper() : target.zookeeper(),
                target.mesos() == null ? current.mesos() : target.mesos(),
                target.marathon() == null ? current.marathon() : target.marathon()));
    }

    private void move(PodPlan pod, String stackNode, java.util.function.UnaryOperator<NodeVersions> change) throws DriverException {
        Map<String, NodeVersions> deployed = stackVersions(pod);
        NodeVersions current = deployed.get(stackNode);
        if (current == null) {
            throw new DriverException("pod " + pod.pod() + " has no deployed node " + stackNode + " in its stack outputs");
        }
        Map<String, NodeVersions> target = new LinkedHashMap<>(deployed);
        target.put(stackNode, change.apply(current));
        PodPlan next = PodPlanner.plan(spec(pod.pod()), target);
        PodStack stack = new PodStack(pod.pod(), pod.region(), program.apply(next));
        NodeScope scope = new NodeScope(pod.pod() + "-" + stackNode);
        try {
            StackResult preview = engine.preview(stack, progress);
            requireScope(scope, preview.changes(), pod.pod(), stackNode, "preview");
            if (!preview.changes().hasChanges()) {
                return; // already at the version (a pool moved by its first agent)
            }
            StackResult up = engine.up(stack, progress);
            requireScope(scope, up.changes(), pod.pod(), stackNode, "deployment");
        } catch (EngineFailure e) {
            throw new DriverException("pulumi up for " + pod.pod() + "/" + stackNode + " failed: " + e.getMessage());
        }
    }

    @Override
    public void stop(PodPlan pod, String node, Role role) throws DriverException {
        boolean onlyRole = pod.controlHosts().stream().filter(h -> h.node().equals(node)).allMatch(h -> h.roles().equals(java.util.Set.of(role)));
        stopper.stop(pod.pod(), node, role, onlyRole);
    }

    private static void requireScope(NodeScope scope, StackChanges changes, String pod, String node, String phase) throws DriverException {
        List<ResourceStep> outside = scope.violations(changes);
        if (!outside.isEmpty()) {
            throw new DriverException("the " + phase + " for " + pod + "/" + node + " would also "
                    + String.join(", ", outside.stream().limit(5).map(s -> s.op().label() + " " + s.name()).toList())
                    + (outside.size() > 5 ? " and " + (outside.size() - 5) + " more" : "")
                    + "; stopped: run 'podctl preview " + pod + "' to see why");
        }
    }

    private Map<String, NodeVersions> stackVersions(PodPlan pod) throws DriverException {
        String json;
        try {
            json = engine.outputs(new PodStack(pod.pod(), pod.region(), program.apply(pod))).get(NODE_VERSIONS);
        } catch (StackNotFound e) {
            throw new PodNotDeployed(pod.pod());
        } catch (EngineFailure e) {
            throw new DriverException("cannot read the stack outputs of " + pod.pod() + ": " + e.getMessage());
        }
        if (json == null) {
            throw new DriverException("stack " + pod.pod() + " has no " + NODE_VERSIONS + " output: run 'podctl up " + pod.pod() + "' first");
        }
        try {
            Map<String, String> tags = JSON.readValue(json, new TypeReference<Map<String, String>>() {});
            Map<String, NodeVersions> versions = new LinkedHashMap<>();
            tags.forEach((node, tag) -> versions.put(node, parseTag(tag)));
            return versions;
        } catch (IOException e) {
            throw new DriverException("stack " + pod.pod() + " has an unreadable " + NODE_VERSIONS + " output");
        }
    }

    /** The inverse of {@link NodeVersions#tag()}. */
    public static NodeVersions parseTag(String tag) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : tag.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return new NodeVersions(parts.get("zookeeper"), parts.get("mesos"), parts.get("marathon"));
    }

    private String poolOf(PodPlan pod, String agentNode) throws DriverException {
        for (AgentGroup group : pod.agentGroups()) {
            for (int i = 1; i <= group.count(); i++) {
                if (RolloutPlanner.agentNode(group, i).equals(agentNode)) {
                    return group.pool();
                }
            }
        }
        throw new DriverException("pod " + pod.pod() + " has no agent " + agentNode);
    }

    private Pod spec(String pod) throws DriverException {
        Pod spec = specs.get(pod);
        if (spec == null) {
            throw new DriverException("no spec for pod " + pod);
        }
        return spec;
    }
}
