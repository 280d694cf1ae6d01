package io.podctl.rollout.run;

import java.time.Duration;

/**
 * @param stepEstimate expected time per node step, to keep a pod's start out of the end of its window
 * @param maxPods      upgrade at most this many pods in one run
 * @param agentBatch   agents drained at a time
 * @param drainTimeout how long a draining agent's frameworks get to accept the inverse offers, and
 *                     its tasks to be killed gracefully, before the agent is taken down anyway
 * @param prodFirst    let a prod pod move to versions no not-prod pod of the rollout runs (an
 *                     emergency fix, or a fleet with no not-prod pod deployed): the operator's call
 */
public record RunOptions(GatePolicy gates, Duration stepEstimate, int maxPods, int agentBatch, Duration drainTimeout,
                         boolean prodFirst) {

    static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(10);

    public static final RunOptions DEFAULT = new RunOptions(GatePolicy.DEFAULT, Duration.ofMinutes(3), Integer.MAX_VALUE, 1,
            DEFAULT_DRAIN_TIMEOUT, false);

    public RunOptions(GatePolicy gates, Duration stepEstimate, int maxPods, int agentBatch) {
        this(gates, stepEstimate, maxPods, agentBatch, DEFAULT_DRAIN_TIMEOUT, false);
    }

    public RunOptions(GatePolicy gates, Duration stepEstimate, int maxPods, int agentBatch, Duration drainTimeout) {
        this(gates, stepEstimate, maxPods, agentBatch, drainTimeout, false);
    }

    public RunOptions withGates(GatePolicy policy) {
        return new RunOptions(policy, stepEstimate, maxPods, agentBatch, drainTimeout, prodFirst);
    }

    public RunOptions withMaxPods(int max) {
        return new RunOptions(gates, stepEstimate, max, agentBatch, drainTimeout, prodFirst);
    }

    public RunOptions withStepEstimate(Duration estimate) {
        return new RunOptions(gates, estimate, maxPods, agentBatch, drainTimeout, prodFirst);
    }

    public RunOptions withDrainTimeout(Duration timeout) {
        return new RunOptions(gates, stepEstimate, maxPods, agentBatch, timeout, prodFirst);
    }

    public RunOptions withProdFirst(boolean allowed) {
        return new RunOptions(gates, stepEstimate, maxPods, agentBatch, drainTimeout, allowed);
    }
}
