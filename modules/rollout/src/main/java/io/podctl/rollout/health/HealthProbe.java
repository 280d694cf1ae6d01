package io.podctl.rollout.health;

/**
 * One health question the rollout engine asks before and after each step. Implementations
 * never throw for an unhealthy or unreachable target: they answer {@link Health#unhealthy}.
 */
@FunctionalInterface
public interface HealthProbe {

    Health check();
}
