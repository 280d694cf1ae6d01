package io.podctl.rollout.plan;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.Role;
import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.StepRecord;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nodes whose deployed state shows a version their gate never passed at: a step the journal
 * holds as STARTED (a killed run) or FAILED. Some deployed states change before the gate (a
 * Pulumi up replaces the instance, and the stack's outputs say so at once); the plan must still
 * list such a node, so its version is shown as unconfirmed rather than done.
 */
public final class UnconfirmedSteps {

    public static final String SUFFIX = " (unconfirmed)";
    /** A shared host's step: its version is the tag of every role on the host ({@code zookeeper=3.9.5,mesos=1.11.0}). */
    private static final String UPGRADE_HOST = "upgrade-host";
    private static final Map<String, Role> TAG_ROLES = Map.of("zookeeper", Role.ZOOKEEPER, "mesos", Role.MESOS_MASTER,
            "marathon", Role.MARATHON);

    private UnconfirmedSteps() {
    }

    public static Map<String, NodeVersions> overlay(JournalState journal, String pod, Map<String, NodeVersions> deployed) {
        Map<String, NodeVersions> result = new LinkedHashMap<>(deployed);
        for (StepRecord step : journal.steps()) {
            if (!step.pod().equals(pod) || step.status() == StepRecord.StepStatus.DONE || step.version().isEmpty()) {
                continue;
            }
            if (step.action().equals(UPGRADE_HOST)) {
                result.computeIfPresent(step.node(), (node, current) -> unconfirmedHost(current, step.version()));
                continue;
            }
            if (!(step.action().equals("upgrade") || step.action().equals("start-new"))) {
                continue;
            }
            Role role = StepRecord.roleOf(step.id())
                    .flatMap(wire -> Arrays.stream(Role.values()).filter(r -> r.wire().equals(wire)).findFirst()).orElse(null);
            NodeVersions current = result.get(step.node());
            if (role != null && current != null && step.version().equals(current.of(role))) {
                result.put(step.node(), current.with(role, step.version() + SUFFIX));
            }
        }
        return result;
    }

    /**
     * A host moves as one (its instance is replaced): when it runs everything the step's tag
     * names, every one of those roles is unconfirmed; otherwise the step never moved it and the
     * plan lists it anyway.
     */
    private static NodeVersions unconfirmedHost(NodeVersions current, String tag) {
        NodeVersions marked = current;
        for (String part : tag.split(",")) {
            String[] keyValue = part.split("=", 2);
            Role role = TAG_ROLES.get(keyValue[0]);
            if (role == null || keyValue.length != 2 || !keyValue[1].equals(current.of(role))) {
                return current;
            }
            marked = marked.with(role, keyValue[1] + SUFFIX);
        }
        return marked;
    }
}
