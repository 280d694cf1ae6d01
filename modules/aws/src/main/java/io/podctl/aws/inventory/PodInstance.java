package io.podctl.aws.inventory;

import java.util.Objects;
import java.util.Optional;

/**
 * One EC2 instance of a pod as AWS reports it. Tags are optional because a host launched by hand,
 * or half-created, may lack them.
 *
 * @param state the EC2 state name: pending, running, stopping, stopped
 */
public record PodInstance(
        String instanceId,
        String zone,
        String state,
        Optional<String> privateIp,
        Optional<String> role,
        Optional<String> node,
        Optional<String> version) {

    public PodInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(privateIp, "privateIp");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(version, "version");
    }

    public boolean running() {
        return state.equals("running");
    }
}
