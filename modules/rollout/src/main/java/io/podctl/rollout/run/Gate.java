package io.podctl.rollout.run;

import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A named health condition the rollout waits for, polled under a {@link GatePolicy}. */
public record Gate(String name, HealthProbe probe) {

    /** Healthy only when every probe is, asked in order; the first unhealthy answer is the reason. */
    public static Gate allOf(String name, List<HealthProbe> probes) {
        return new Gate(name, () -> {
            Health last = Health.unhealthy("no probe");
            for (HealthProbe probe : probes) {
                last = probe.check();
                if (!last.healthy()) {
                    return last;
                }
            }
            return last;
        });
    }

    public GateResult await(GatePolicy policy, Clock clock) throws InterruptedException {
        Instant start = clock.now();
        Instant deadline = start.plus(policy.timeout());
        int consecutive = 0;
        while (true) {
            Health health = probe.check();
            consecutive = health.healthy() ? consecutive + 1 : 0;
            Duration waited = Duration.between(start, clock.now());
            if (consecutive >= policy.passes()) {
                return new GateResult(name, true, health, waited);
            }
            if (health.refused() || !clock.now().isBefore(deadline)) {
                return new GateResult(name, false, health, waited);
            }
            clock.sleep(policy.interval());
        }
    }
}
