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

    /** Stops the role on the node without starting it again (Marathon's HA procedure needs this). */
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
