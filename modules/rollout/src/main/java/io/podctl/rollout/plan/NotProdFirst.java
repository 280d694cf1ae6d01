package io.podctl.rollout.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Not-prod first: a prod pod may move only to versions (per role) that a not-prod pod before it
 * in the rollout runs once it is at its spec. A not-prod pod that was never deployed is not in
 * the plan, so it proves nothing. The executor refuses what this finds; the plan shows it ahead.
 */
public final class NotProdFirst {

    private NotProdFirst() {
    }

    /** Per prod pod with changes, in plan order: the versions it would take that no not-prod pod before it runs. */
    public static Map<String, List<RoleVersion>> unproven(RolloutPlan plan) {
        Map<String, List<RoleVersion>> unproven = new LinkedHashMap<>();
        Set<RoleVersion> proven = new TreeSet<>();
        for (PodRollout pod : plan.pods()) {
            if (!pod.prod()) {
                proven.addAll(pod.desired());
                continue;
            }
            List<RoleVersion> missing = pod.targets().stream().filter(v -> !proven.contains(v)).toList();
            if (!missing.isEmpty()) {
                unproven.put(pod.pod(), missing);
            }
        }
        return unproven;
    }

    /** The refusal, one sentence. */
    public static String refusal(String pod, List<RoleVersion> versions) {
        return pod + " would run " + String.join(", ", versions.stream().map(RoleVersion::toString).toList())
                + ", which no not-prod pod of this rollout runs yet: deploy or roll a not-prod pod to it first"
                + " ('podctl rollout plan' lists the pods not deployed), or pass --prod-first to accept the risk";
    }
}
