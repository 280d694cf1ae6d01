package io.podctl.preview;

import java.util.Comparator;
import java.util.List;

/**
 * The whole answer of {@code podctl diff}: every pod of either revision, changed or not.
 *
 * @param base the base revision as given (a ref or a commit id)
 * @param head the head revision, or "working tree"
 */
public record FleetDiff(String base, String head, List<PodChange> pods) {

    public FleetDiff {
        pods = pods.stream().sorted(Comparator.comparing(PodChange::pod)).toList();
    }

    public List<PodChange> changed() {
        return pods.stream().filter(PodChange::changed).toList();
    }

    public List<String> unchanged() {
        return pods.stream().filter(p -> !p.changed()).map(PodChange::pod).toList();
    }

    public List<Risk> risks() {
        return pods.stream().flatMap(p -> p.risks().stream()).toList();
    }
}
