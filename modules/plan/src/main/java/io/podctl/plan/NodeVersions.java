package io.podctl.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The software versions one host runs, per role it carries (null for roles it does not run).
 * These are per node, not per pod, so a rollout can move one node at a time.
 */
public record NodeVersions(String zookeeper, String mesos, String marathon) {

    public String of(Role role) {
        return switch (role) {
            case ZOOKEEPER -> zookeeper;
            case MESOS_MASTER, MESOS_AGENT -> mesos;
            case MARATHON -> marathon;
        };
    }

    public NodeVersions with(Role role, String version) {
        return switch (role) {
            case ZOOKEEPER -> new NodeVersions(version, mesos, marathon);
            case MESOS_MASTER, MESOS_AGENT -> new NodeVersions(zookeeper, version, marathon);
            case MARATHON -> new NodeVersions(zookeeper, mesos, version);
        };
    }

    /** Only the versions of the given roles, the others null. */
    public NodeVersions forRoles(Set<Role> roles) {
        return new NodeVersions(roles.contains(Role.ZOOKEEPER) ? zookeeper : null,
                roles.contains(Role.MESOS_MASTER) || roles.contains(Role.MESOS_AGENT) ? mesos : null,
                roles.contains(Role.MARATHON) ? marathon : null);
    }

    /** The {@code podctl:versions} tag value, e.g. {@code zookeeper=3.8.4,mesos=1.11.0}. */
    public String tag() {
        Map<String, String> parts = new LinkedHashMap<>();
        if (zookeeper != null) {
            parts.put("zookeeper", zookeeper);
        }
        if (mesos != null) {
            parts.put("mesos", mesos);
        }
        if (marathon != null) {
            parts.put("marathon", marathon);
        }
        return String.join(",", parts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
