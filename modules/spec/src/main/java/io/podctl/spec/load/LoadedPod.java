package io.podctl.spec.load;

import io.podctl.spec.model.Pod;
import io.podctl.spec.yaml.SourceMap;

/**
 * A pod as bound from its file with fleet defaults merged under it, plus where each value came
 * from (its own file or fleet.yaml). {@code complete} is false when a value was missing or had
 * the wrong type: such a pod is reported, never planned.
 */
public record LoadedPod(String file, Pod pod, SourceMap where, boolean complete) {

    public String name() {
        return pod.metadata() == null ? null : pod.metadata().name();
    }
}
