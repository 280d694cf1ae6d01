package io.podctl.rollout.plan;

import java.util.List;

/** Every pod of the fleet in rollout order (by wave, one at a time). Plain data, like kOps' plan table. */
public record RolloutPlan(List<PodRollout> pods) {

    public RolloutPlan {
        pods = List.copyOf(pods);
    }

    public List<PodRollout> pending() {
        return pods.stream().filter(p -> !p.upToDate()).toList();
    }

    public boolean upToDate() {
        return pending().isEmpty();
    }
}
