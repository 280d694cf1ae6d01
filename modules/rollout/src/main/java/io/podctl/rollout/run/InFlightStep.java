package io.podctl.rollout.run;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.StepRecord;
import io.podctl.rollout.journal.StepRecord.StepStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The step an earlier run of a pod left unfinished (STARTED when killed, FAILED when halted):
 * the last one the journal holds for the pod, if it aims at the version the pod wants now.
 *
 * @param redoable a node upgrade of a leader-last role, which a resume finishes before anything
 *                 else; other steps (Marathon's HA procedure, agent drains) are resumed by their stage
 */
record InFlightStep(Step step, StepStatus status, boolean redoable) {

    static Optional<InFlightStep> find(JournalState state, PodPlan pod) {
        List<StepRecord> steps = state.steps().stream().filter(s -> s.pod().equals(pod.pod())).toList();
        if (steps.isEmpty() || steps.get(steps.size() - 1).status() == StepStatus.DONE) {
            return Optional.empty();
        }
        StepRecord last = steps.get(steps.size() - 1);
        Optional<Role> role = roleOf(last);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        Optional<Host> host = pod.controlHosts().stream().filter(h -> h.node().equals(last.node())).findFirst();
        if (last.action().equals(SharedHosts.UPGRADE_HOST)) {
            // a shared host's step for all its roles: finished first, like a leader-last node
            boolean current = host.isPresent() && last.version().equals(host.get().versions().forRoles(host.get().roles()).tag());
            return current ? Optional.of(new InFlightStep(new Step(last.pod(), role.get(), last.node(), last.action(), last.version()),
                    last.status(), true)) : Optional.empty();
        }
        boolean leaderLast = role.get() == Role.ZOOKEEPER || role.get() == Role.MESOS_MASTER;
        if (leaderLast && (host.isEmpty() || !last.version().equals(host.get().versions().of(role.get())))) {
            return Optional.empty(); // a step of an older rollout: today's plan decides for this node
        }
        Step step = new Step(last.pod(), role.get(), last.node(), last.action(), last.version());
        return Optional.of(new InFlightStep(step, last.status(), leaderLast && last.action().equals("upgrade")));
    }

    static Optional<Role> roleOf(StepRecord record) {
        return StepRecord.roleOf(record.id()).flatMap(wire -> Arrays.stream(Role.values()).filter(r -> r.wire().equals(wire)).findFirst());
    }
}
