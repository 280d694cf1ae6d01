package io.podctl.rollout.run;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import java.util.Map;

/**
 * What the rollout needs from whatever runs the nodes: a local process driver now, Pulumi
 * (replace the instance with the new version's user data) and SSM later. Calls return once
 * the action was taken; whether the node is healthy again is for the gates to find out.
 */
public interface NodeDriver {

    /** The versions each node of the pod runs now, by node name (zk-1, control-2, agent-general-1). */
    Map<String, NodeVersions> deployed(PodPlan pod) throws DriverException;

    /** Makes {@code node} run {@code version} of {@code role}: restart or replace it; starts it if stopped. */
    void upgrade(PodPlan pod, String node, Role role, String version) throws DriverException;

    /**
     * Moves every role a host carries to {@code target} in one change: a shared host is replaced
     * (or restarted) once, not once per role. The default moves the roles one by one, for drivers
     * whose per-role upgrade touches only that role's process.
     */
    default void upgradeHost(PodPlan pod, String host, NodeVersions target) throws DriverException {
        for (Role role : pod.host(host).roles()) {
            String version = target.of(role);
            if (version != null) {
                upgrade(pod, host, role, version);
            }
        }
    }

    /**
     * Replaces the one agent instance registered as {@code machine} with one running
     * {@code version}; returns once the old instance is going away, the new agent registering is
     * for the gate to see. No other agent of the pool may change. The default upgrades the node.
     */
    default void replaceAgent(PodPlan pod, String node, AgentMaintenance.Machine machine, String version) throws DriverException {
        upgrade(pod, node, Role.MESOS_AGENT, version);
    }

    /**
     * Backs up ZooKeeper's state (Marathon's lives there) before Marathon is upgraded, as
     * Marathon's upgrade docs ask: an EBS snapshot of a ZooKeeper data volume, or a copy of a
     * local server's data directory.
     *
     * @return what was made, for the journal (a snapshot id, a directory)
     */
    default String backupZooKeeper(PodPlan pod) throws DriverException {
        throw new DriverException("this driver cannot back up ZooKeeper, which Marathon's upgrade needs first");
    }

    /**
     * Stops the role's process on the node without starting it again (Marathon's HA procedure
     * needs this). On a host that carries other roles only that process may stop, never the host.
     */
    void stop(PodPlan pod, String node, Role role) throws DriverException;

    /**
     * The node's gate passed at {@code version}: only now may the deployed state say so, so a
     * killed or halted run never leaves a node recorded at a version it was not proven to run.
     * Drivers whose deployed state is the infrastructure itself (a replaced instance) have
     * nothing to add; the journal's unconfirmed steps keep such nodes in the next plan.
     */
    default void confirm(PodPlan pod, String node, Role role, String version) throws DriverException {
    }
}
