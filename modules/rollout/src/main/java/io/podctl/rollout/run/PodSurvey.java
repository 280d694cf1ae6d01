package io.podctl.rollout.run;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Health;
import java.util.ArrayList;
import java.util.List;

/**
 * What every control node of a pod says about itself right now: the version it reports and
 * whether it serves. A resume prints this before it acts, so the operator sees the state the
 * run starts from rather than what the journal last wrote.
 */
record PodSurvey(PodPlan pod, PodHealth health) {

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Role role : Role.CONTROL) {
            if (health.role(role).isEmpty()) {
                continue;
            }
            for (Host host : pod.hostsRunning(role)) {
                Health serving = health.node(host.node(), role, "").check();
                String version = health.runningVersion(host.node(), role).map(v -> "runs " + v).orElse("version not reported");
                lines.add(role.wire() + " " + host.node() + ": " + version + ", "
                        + (serving.healthy() ? "serving" : "NOT serving (" + serving.reason() + ")"));
            }
        }
        return lines;
    }
}
