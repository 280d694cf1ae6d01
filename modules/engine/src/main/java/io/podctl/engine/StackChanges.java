package io.podctl.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's change summary for one operation.
 *
 * @param counts resources per operation, from the engine's summary
 * @param steps  every per-resource operation announced during the run, in order
 */
public record StackChanges(Map<ResourceOp, Integer> counts, List<ResourceStep> steps) {

    public StackChanges {
        Map<ResourceOp, Integer> copy = new EnumMap<>(ResourceOp.class);
        copy.putAll(counts);
        counts = java.util.Collections.unmodifiableMap(copy);
        steps = List.copyOf(steps);
    }

    public int count(ResourceOp op) {
        return counts.getOrDefault(op, 0);
    }

    /** True when any resource would be (or was) created, changed or deleted. */
    public boolean hasChanges() {
        return counts.entrySet().stream().anyMatch(e -> e.getKey().changes() && e.getValue() > 0);
    }

    /** "3 create, 1 update, 12 same" in a stable order; "no resources" when empty. */
    public String describe() {
        List<String> parts = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label())
                .toList();
        return parts.isEmpty() ? "no resources" : String.join(", ", parts);
    }
}
