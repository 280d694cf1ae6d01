package io.podctl.rollout.plan;

import io.podctl.plan.Role;

/** A version of one role's software, as a pod runs it: what a not-prod pod proves before prod gets it. */
public record RoleVersion(Role role, String version) implements Comparable<RoleVersion> {

    @Override
    public int compareTo(RoleVersion other) {
        int byRole = role.compareTo(other.role);
        return byRole != 0 ? byRole : version.compareTo(other.version);
    }

    @Override
    public String toString() {
        return role.wire() + " " + version;
    }
}
