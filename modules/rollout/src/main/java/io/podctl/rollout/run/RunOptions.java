package io.podctl.rollout.run;

import java.time.Duration;

/**
 * @param stepEstimate expected time per node step, to keep a pod's start out of the end of its window
 * @param maxPods      upgrade at most this many pods in one run
 * @param agentBatch   agents drained at a time
 */
public record RunOptions(GatePolicy gates, Duration stepEstimate, int maxPods, int agentBatch) {

    public static final RunOptions DEFAULT = new RunOptions(GatePolicy.DEFAULT, Duration.ofMinutes(3), Integer.MAX_VALUE, 1);

    public RunOptions withGates(GatePolicy policy) {
        return new RunOptions(policy, stepEstimate, maxPods, agentBatch);
    }

    public RunOptions withMaxPods(int max) {
        return new RunOptions(gates, stepEstimate, max, agentBatch);
    }

    public RunOptions withStepEstimate(Duration estimate) {
        return new RunOptions(gates, estimate, maxPods, agentBatch);
    }
}
