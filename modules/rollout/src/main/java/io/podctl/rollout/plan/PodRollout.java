package io.podctl.rollout.plan;

import io.podctl.plan.PodPlan;
import io.podctl.spec.model.Rollout;
import java.util.List;

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
}
