package io.podctl.cli;

import io.podctl.rollout.plan.NodeChange;
import io.podctl.rollout.plan.PodRollout;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.Stage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The plan as a table per pod and role, like kOps' rolling-update preview. */
final class RolloutPlanTable {

    private RolloutPlanTable() {
    }

    static void print(RolloutPlan plan, List<String> skipped, PrintWriter out) {
        String format = "%-16s %-4s %-13s %-36s %-20s %-13s %s%n";
        out.printf(format, "POD", "WAVE", "ROLE", "NODES", "CURRENT -> TARGET", "STATUS", "ORDER");
        int step = 0;
        for (PodRollout pod : plan.pods()) {
            if (pod.upToDate()) {
                out.printf(format, pod.pod(), pod.wave(), "-", "-", "-", "UP-TO-DATE", "skipped");
                continue;
            }
            step++;
            for (Stage stage : pod.stages()) {
                if (!stage.needsUpdate()) {
                    continue;
                }
                List<String> nodes = stage.changes().stream().map(NodeChange::node).toList();
                List<String> current = stage.changes().stream().map(c -> c.current().isEmpty() ? "?" : c.current()).distinct().toList();
                String versions = String.join(",", current) + " -> " + stage.changes().get(0).target();
                out.printf(format, pod.pod(), pod.wave(), stage.role().wire(), abbreviate(String.join(",", nodes), 36),
                        versions, "NEEDS-UPDATE", stage.order());
            }
        }
        List<String> notes = new ArrayList<>(skipped);
        notes.forEach(n -> out.println("note: " + n));
        out.println(plan.upToDate() ? "every pod is up to date"
                : step + " pod(s) to upgrade, one at a time in the order above (" + plan.pending().stream()
                        .mapToInt(PodRollout::nodeSteps).sum() + " node(s))");
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
