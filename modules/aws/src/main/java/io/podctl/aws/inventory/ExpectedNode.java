package io.podctl.aws.inventory;

import java.util.Objects;

/** A host the plan says the pod should have, with the version it should run. */
public record ExpectedNode(String node, String role, String version) {

    public ExpectedNode {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(version, "version");
    }
}
