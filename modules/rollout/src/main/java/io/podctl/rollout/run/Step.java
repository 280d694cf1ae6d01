package io.podctl.rollout.run;

import io.podctl.plan.Role;

/** One journaled action on one node; the id is stable across runs so a re-run can find it. */
public record Step(String pod, Role role, String node, String action, String version) {

    public String id() {
        return pod + "/" + role.wire() + "/" + node + "/" + action + (version.isEmpty() ? "" : "@" + version);
    }

    @Override
    public String toString() {
        return pod + " " + role.wire() + " " + node + ": " + action + (version.isEmpty() ? "" : " to " + version);
    }
}
