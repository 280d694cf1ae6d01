package io.podctl.rollout.run;

import io.podctl.plan.Role;
import io.podctl.rollout.health.HealthProbe;
import java.util.Optional;

/** The health questions the executor asks about one pod, per role and per node. */
public interface PodHealth {

    /**
     * The role's whole quorum is healthy (ZooKeeper: one leader with every follower synced; Mesos:
     * one elected master, logs recovered; Marathon: an agreed leader, no deployments). Empty when
     * this pod's role cannot be observed from here, which the executor reports.
     */
    Optional<HealthProbe> role(Role role);

    /** The node is back in its role's quorum, synced, and runs {@code version}. */
    HealthProbe node(String node, Role role, String version);

    /** The node that leads the role now, if exactly one does. */
    Optional<String> leader(Role role);

    /** The version the node itself reports running now, when its role can say (ZooKeeper's srvr); empty when down or unknown. */
    default Optional<String> runningVersion(String node, Role role) {
        return Optional.empty();
    }

    /**
     * Marathon's apps all running their instances, healthy where they have health checks, with no
     * deployment under way. Empty when Marathon cannot be observed from here.
     */
    default Optional<HealthProbe> workloads() {
        return Optional.empty();
    }
}
