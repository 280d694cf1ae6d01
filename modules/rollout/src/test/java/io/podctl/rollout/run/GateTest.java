package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.rollout.health.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long a gate waits: until enough healthy answers in a row, its timeout, or a refusal. */
class GateTest {

    private static final GatePolicy POLICY = new GatePolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 2);
    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T03:00:00Z"));

    private Gate answering(Health... answers) {
        Deque<Health> left = new ArrayDeque<>(List.of(answers));
        return new Gate("test", () -> left.size() > 1 ? left.poll() : left.peek());
    }

    @Test
    void passesAfterTwoHealthyAnswersInARow() throws InterruptedException {
        GateResult result = answering(Health.unhealthy("electing"), Health.healthy("ok", Map.of())).await(POLICY, clock);

        assertThat(result.passed()).isTrue();
        assertThat(result.waited()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anUnhealthyAnswerIsPolledUntilTheTimeout() throws InterruptedException {
        GateResult result = answering(Health.unhealthy("connection refused")).await(POLICY, clock);

        assertThat(result.passed()).isFalse();
        assertThat(result.waited()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRefusedCredentialEndsTheGateAtOnce() throws InterruptedException {
        GateResult result = answering(Health.unhealthy("starting"), Health.refused("401 Unauthorized")).await(POLICY, clock);

        assertThat(result.passed()).isFalse();
        assertThat(result.waited()).isEqualTo(Duration.ofSeconds(5));
        assertThat(result.describe()).endsWith("401 Unauthorized");
    }
}
