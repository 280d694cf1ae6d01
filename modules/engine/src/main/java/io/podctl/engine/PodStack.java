package io.podctl.engine;

import com.pulumi.Context;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One pod's Pulumi stack: the stack is named after the pod, its provider runs in the pod's region,
 * and the program is the pod program closed over the pod's plan.
 *
 * @param config extra stack configuration (namespaced keys such as {@code aws:profile}); the engine
 *     adds the region and, with an endpoint override, the emulator's provider settings itself
 */
public record PodStack(String pod, String region, Consumer<Context> program, Map<String, String> config) {

    public PodStack {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(program, "program");
        config = Map.copyOf(config);
    }

    public PodStack(String pod, String region, Consumer<Context> program) {
        this(pod, region, program, Map.of());
    }
}
