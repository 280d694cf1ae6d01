package io.podctl.aws.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Planned nodes against live instances.
 *
 * @param missing planned nodes with no instance
 * @param extra instances that match no planned node, or a second instance for one node
 * @param drifted planned nodes whose instance carries another version
 */
public record InventoryDiff(
        List<ExpectedNode> missing, List<PodInstance> extra, List<NodeDrift> drifted) {

    public InventoryDiff {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        drifted = List.copyOf(drifted);
    }

    public boolean inSync() {
        return missing.isEmpty() && extra.isEmpty() && drifted.isEmpty();
    }

    public static InventoryDiff compare(List<ExpectedNode> expected, List<PodInstance> actual) {
        List<ExpectedNode> missing = new ArrayList<>();
        List<NodeDrift> drifted = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (ExpectedNode node : expected) {
            // during a replacement a node has two instances: the one already on the planned
            // version, else a running one, stands for the node; the other shows up as extra
            PodInstance best =
                    actual.stream()
                            .filter(i -> i.node().filter(node.node()::equals).isPresent())
                            .min(
                                    Comparator.comparing((PodInstance i) -> !onVersion(i, node))
                                            .thenComparing(i -> !i.running())
                                            .thenComparing(PodInstance::instanceId))
                            .orElse(null);
            if (best == null) {
                missing.add(node);
                continue;
            }
            matched.add(best.instanceId());
            if (!onVersion(best, node)) {
                drifted.add(new NodeDrift(node, best));
            }
        }
        List<PodInstance> extra =
                actual.stream().filter(i -> !matched.contains(i.instanceId())).toList();
        return new InventoryDiff(missing, extra, drifted);
    }

    private static boolean onVersion(PodInstance instance, ExpectedNode node) {
        return instance.version().filter(node.version()::equals).isPresent();
    }
}
