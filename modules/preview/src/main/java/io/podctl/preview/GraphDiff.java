package io.podctl.preview;

import io.podctl.infra.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two resource graphs of one pod compared resource by resource (by type and logical name, which
 * is what the engine's URN identifies), the way the engine would act on them.
 */
final class GraphDiff {
    private GraphDiff() {}

    static List<ResourceChange> between(List<PlannedResource> base, List<PlannedResource> head) {
        Map<String, PlannedResource> before = byKey(base);
        Map<String, PlannedResource> after = byKey(head);
        List<ResourceChange> changes = new ArrayList<>();
        after.forEach((key, resource) -> {
            PlannedResource old = before.get(key);
            if (old == null) {
                changes.add(whole(ResourceChange.Kind.CREATE, resource));
            } else {
                compare(old, resource).ifPresent(changes::add);
            }
        });
        before.forEach((key, resource) -> {
            if (!after.containsKey(key)) {
                changes.add(whole(ResourceChange.Kind.DELETE, resource));
            }
        });
        return propagateReplacements(changes, after);
    }

    /**
     * A replaced resource gets a new id, so every input that references it changes too (the
     * engine shows it as unknown until the replacement exists), which may force the referencing
     * resource's replacement in turn: a new subnet replaces the interface, which replaces the instance.
     * The mock engine's ids are the logical names, so a reference is an id-like input equal to one.
     */
    private static List<ResourceChange> propagateReplacements(List<ResourceChange> changes, Map<String, PlannedResource> head) {
        Map<String, ResourceChange> byKey = new LinkedHashMap<>();
        changes.forEach(c -> byKey.put(c.type() + "::" + c.name(), c));
        boolean grew = true;
        while (grew) {
            grew = false;
            java.util.Set<String> renewed = new java.util.HashSet<>();
            byKey.values().stream().filter(c -> c.kind() != ResourceChange.Kind.UPDATE).forEach(c -> renewed.add(c.name()));
            for (var entry : head.entrySet()) {
                ResourceChange current = byKey.get(entry.getKey());
                if (current != null && current.kind() != ResourceChange.Kind.UPDATE) {
                    continue;
                }
                PlannedResource r = entry.getValue();
                List<ValueChange> references = new ArrayList<>();
                ValueDiff.leaves(r.inputs()).forEach((path, value) -> {
                    if (value instanceof String id && !id.equals(r.name()) && renewed.contains(id) && isReference(path)
                            && (current == null || current.inputs().stream().noneMatch(c -> c.path().equals(path)))) {
                        references.add(new ValueChange(path, id, "(new id of replaced " + id + ")"));
                    }
                });
                if (references.isEmpty()) {
                    continue;
                }
                List<ValueChange> inputs = new ArrayList<>(current == null ? List.of() : current.inputs());
                inputs.addAll(references);
                var triggers = ReplaceTriggers.of(r);
                List<String> forcing = inputs.stream().filter(c -> ReplaceTriggers.forces(triggers, c))
                        .map(ValueChange::topLevelKey).distinct().toList();
                ResourceChange.Kind kind = forcing.isEmpty() ? ResourceChange.Kind.UPDATE : ResourceChange.Kind.REPLACE;
                byKey.put(entry.getKey(), new ResourceChange(kind, r.type(), r.name(), r.parent(), inputs, forcing,
                        r.options().deleteBeforeReplace(), r.options().retainOnDelete()));
                grew |= kind == ResourceChange.Kind.REPLACE;
            }
        }
        return List.copyOf(byKey.values());
    }

    /** Inputs that hold another resource's id: subnetId, securityGroups[0], launchTemplate.id, vpcZoneIdentifiers[1], ... */
    private static boolean isReference(String path) {
        String key = path.replaceAll("\\[[^]]*]$", "");
        key = key.substring(key.lastIndexOf('.') + 1);
        return key.equals("id") || key.endsWith("Id") || key.endsWith("Ids") || key.endsWith("Identifiers")
                || key.equals("securityGroups") || key.equals("iamInstanceProfile") || key.equals("role");
    }

    /** A whole pod appearing or disappearing. */
    static List<ResourceChange> all(ResourceChange.Kind kind, List<PlannedResource> resources) {
        return resources.stream().filter(r -> !r.isComponent()).map(r -> whole(kind, r)).toList();
    }

    private static java.util.Optional<ResourceChange> compare(PlannedResource old, PlannedResource now) {
        List<ValueChange> inputs = ValueDiff.between(withoutIgnored(old), withoutIgnored(now));
        if (inputs.isEmpty()) {
            return java.util.Optional.empty();
        }
        var triggers = ReplaceTriggers.of(now);
        List<String> forcing = inputs.stream().filter(c -> ReplaceTriggers.forces(triggers, c))
                .map(ValueChange::topLevelKey).distinct().toList();
        ResourceChange.Kind kind = forcing.isEmpty() ? ResourceChange.Kind.UPDATE : ResourceChange.Kind.REPLACE;
        return java.util.Optional.of(new ResourceChange(kind, now.type(), now.name(), now.parent(), inputs, forcing,
                now.options().deleteBeforeReplace(), old.options().retainOnDelete()));
    }

    /** Inputs under ignoreChanges never cause an update (e.g. an AMI that SSM resolves at launch). */
    private static Map<String, Object> withoutIgnored(PlannedResource r) {
        Map<String, Object> inputs = new LinkedHashMap<>(r.inputs());
        r.options().ignoreChanges().forEach(inputs::remove);
        return inputs;
    }

    private static ResourceChange whole(ResourceChange.Kind kind, PlannedResource r) {
        return new ResourceChange(kind, r.type(), r.name(), r.parent(), List.of(), List.of(), r.options().deleteBeforeReplace(),
                r.options().retainOnDelete());
    }

    private static Map<String, PlannedResource> byKey(List<PlannedResource> resources) {
        Map<String, PlannedResource> map = new LinkedHashMap<>();
        resources.stream().filter(r -> !r.isComponent()).forEach(r -> map.put(r.type() + "::" + r.name(), r));
        return map;
    }
}
