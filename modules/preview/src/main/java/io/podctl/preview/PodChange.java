package io.podctl.preview;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a change does to one pod: the spec paths that changed, the resources the engine would
 * create, update, replace or delete, the risks, and the rollout order the change needs.
 */
public record PodChange(String pod, String tier, Status status, List<ValueChange> specChanges, List<ResourceChange> resources,
        List<Risk> risks, List<String> rollout) {

    public enum Status { ADDED, REMOVED, CHANGED, UNCHANGED }

    public PodChange {
        specChanges = List.copyOf(specChanges);
        resources = List.copyOf(resources);
        risks = risks.stream().sorted(Comparator.comparing(Risk::severity)).toList();
        rollout = List.copyOf(rollout);
    }

    public long creates() {
        return count(ResourceChange.Kind.CREATE);
    }

    public long updates() {
        return count(ResourceChange.Kind.UPDATE);
    }

    public long replaces() {
        return count(ResourceChange.Kind.REPLACE);
    }

    public long deletes() {
        return count(ResourceChange.Kind.DELETE);
    }

    public Optional<Severity> worstRisk() {
        return risks.stream().map(Risk::severity).min(Comparator.naturalOrder());
    }

    public boolean changed() {
        return status != Status.UNCHANGED;
    }

    private long count(ResourceChange.Kind kind) {
        return resources.stream().filter(r -> r.kind() == kind).count();
    }
}
