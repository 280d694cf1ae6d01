package io.podctl.rollout.plan;

import io.podctl.plan.Role;
import java.util.List;

/** The nodes of one role in one pod that need the new version, and how they are walked. */
public record Stage(Role role, List<NodeChange> changes, List<String> upToDate) {

    public Stage {
        changes = List.copyOf(changes);
        upToDate = List.copyOf(upToDate);
    }

    public boolean needsUpdate() {
        return !changes.isEmpty();
    }

    /** How the executor orders this role's nodes; the leader is only known once the stage starts. */
    public String order() {
        return switch (role) {
            case ZOOKEEPER -> "followers first, leader last (found at run time)";
            case MESOS_MASTER -> "standbys first, leader last (found at run time), each until its log recovered";
            case MARATHON -> "HA procedure: stop all but the leader, start one new, stop the old leader, start the rest";
            case MESOS_AGENT -> "one at a time: schedule its machine, inverse offers, DRAIN_AGENT, replace, new agent and Marathon tasks healthy";
        };
    }
}
