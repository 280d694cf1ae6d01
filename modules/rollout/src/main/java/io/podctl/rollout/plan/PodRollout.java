package io.podctl.rollout.plan;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.spec.model.Rollout;
import io.podctl.spec.model.Tier;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the rollout will do to one pod: its stages in upgrade order (ZooKeeper, Mesos masters,
 * Marathon, agents). A pod whose stages are all up to date is shown but not touched.
 */
public record PodRollout(String pod, int wave, Rollout schedule, PodPlan topology, List<Stage> stages) {

    public PodRollout {
        stages = List.copyOf(stages);
    }

    public boolean upToDate() {
        return stages.stream().noneMatch(Stage::needsUpdate);
    }

    public int nodeSteps() {
        return stages.stream().mapToInt(s -> s.changes().size()).sum();
    }

    public boolean prod() {
        return topology.tier() == Tier.PROD;
    }

    /** The versions this rollout moves the pod's nodes to. */
    public SortedSet<RoleVersion> targets() {
        return stages.stream().flatMap(s -> s.changes().stream()).map(c -> new RoleVersion(c.role(), c.target()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every version the pod runs once it is at its spec: what it has proven when it is up to date. */
    public SortedSet<RoleVersion> desired() {
        SortedSet<RoleVersion> versions = new TreeSet<>();
        for (Role role : Role.CONTROL) {
            for (Host host : topology.hostsRunning(role)) {
                versions.add(new RoleVersion(role, host.versions().of(role)));
            }
        }
        for (AgentGroup group : topology.agentGroups()) {
            versions.add(new RoleVersion(Role.MESOS_AGENT, group.mesosVersion()));
        }
        return versions;
    }

    /** {@link #desired()} as one line, kept with the pod's finished time so a soak counts only for these versions. */
    public String desiredLine() {
        return desired().stream().map(RoleVersion::toString).collect(Collectors.joining(", "));
    }
}
