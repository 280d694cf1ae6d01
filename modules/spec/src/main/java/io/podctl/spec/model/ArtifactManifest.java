package io.podctl.spec.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fleet's artifact manifest as a pod sees it: every component version the team mirrors.
 * A pod carries the whole manifest, not only its own versions, so that a rollout re-planning a
 * node at its deployed (older) version renders exactly the user data that node booted with.
 */
public record ArtifactManifest(Map<String, Map<String, Artifact>> components) {
    public static final String ZOOKEEPER = "zookeeper";
    public static final String MESOS = "mesos";
    public static final String MARATHON = "marathon";
    /** No manifest was loaded (in-memory specs in tests, a git revision that had none). */
    public static final ArtifactManifest NONE = new ArtifactManifest(Map.of());

    public ArtifactManifest {
        Map<String, Map<String, Artifact>> copy = new TreeMap<>();
        components.forEach((component, versions) -> copy.put(component, Map.copyOf(versions)));
        components = Map.copyOf(copy);
    }

    public Optional<Artifact> find(String component, String version) {
        return Optional.ofNullable(components.getOrDefault(component, Map.of()).get(version));
    }
}
