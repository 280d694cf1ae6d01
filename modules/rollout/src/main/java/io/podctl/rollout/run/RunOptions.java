package io.podctl.rollout.run;

import java.time.Duration;

/**
 * @param stepEstimate expected time per node step, to keep a pod's start out of the end of its window
 * @param maxPods      upgrade at most this many pods in one run
 * @param agentBatch   agents drained at a time
 * @param drainTimeout how long a draining agent's frameworks get to accept the inverse offers, and
 *                     its tasks to be killed gracefully, before the agent is taken down anyway
 */
public record RunOptions(GatePolicy gates, Duration stepEstimate, int maxPods, int agentBatch, Duration drainTimeout) {

    static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(10);

    public static final RunOptions DEFAULT = new RunOptions(GatePolicy.DEFAULT, Duration.ofMinutes(3), Integer.MAX_VALUE, 1,
            DEFAULT_DRAIN_TIMEOUT);

    public RunOptions(GatePolicy gates, Duration stepEstimate, int maxPods, int agentBatch) {
        this(gates, stepEstimate, maxPods, agentBatch, DEFAULT_DRAIN_TIMEOUT);
    }

    public RunOptions withGates(GatePolicy policy) {
        return new RunOptions(policy, stepEstimate, maxPods, agentBatch, drainTimeout);
    }

    public RunOptions withMaxPods(int max) {
        return new RunOptions(gates, stepEstimate, max, agentBatch, drainTimeout);
    }

    public RunOptions withStepEstimate(Duration estimate) {
        return new RunOptions(gates, estimate, maxPods, agentBatch, drainTimeout);
    }

    public RunOptions withDrainTimeout(Duration timeout) {
        return new RunOptions(gates, stepEstimate, maxPods, agentBatch, timeout);
    }
}
