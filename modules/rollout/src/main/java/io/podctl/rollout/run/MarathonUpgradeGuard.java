package io.podctl.rollout.run;

import io.podctl.plan.Role;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import io.podctl.rollout.plan.NodeChange;
import io.podctl.rollout.plan.PodRollout;
import io.podctl.rollout.plan.Stage;
import io.podctl.spec.validate.MarathonCompatibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Before a pod's first step, when its Marathon changes: refuse an upgrade that skips a Marathon
 * minor release (against the versions deployed now), then back ZooKeeper up as one journaled
 * step. Both before anything is touched.
 */
final class MarathonUpgradeGuard {

    private final NodeDriver driver;
    private final RolloutExecutor.Steps steps;

    MarathonUpgradeGuard(NodeDriver driver, RolloutExecutor.Steps steps) {
        this.driver = driver;
        this.steps = steps;
    }

    void before(PodRollout pod, PodHealth health) throws RolloutExecutor.Stop, InterruptedException {
        List<NodeChange> marathon = pod.stages().stream().filter(s -> s.role() == Role.MARATHON).map(Stage::changes).findFirst().orElse(List.of());
        if (marathon.isEmpty()) {
            return;
        }
        for (NodeChange change : marathon) {
            Optional<String> skip = MarathonCompatibility.skippedMinor(change.current(), change.target());
            if (skip.isPresent()) {
                throw steps.halt(pod.pod() + " " + change.node() + ": " + skip.get() + "; nothing was touched");
            }
        }
        AtomicReference<String> made = new AtomicReference<>("");
        HealthProbe zooKeeper = health.role(Role.ZOOKEEPER).orElse(() -> Health.healthy("not observable", Map.of()));
        String target = marathon.get(0).target();
        steps.run(pod, new Step(pod.pod(), Role.ZOOKEEPER, "ensemble", "backup-before-marathon", target),
                () -> made.set(driver.backupZooKeeper(pod.topology())),
                new Gate("ZooKeeper backed up and serving", () -> {
                    Health quorum = zooKeeper.check();
                    return quorum.healthy() ? Health.healthy("backup " + made.get() + "; " + quorum.reason(), Map.of()) : quorum;
                }));
    }
}
