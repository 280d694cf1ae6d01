package io.podctl.infra;

import java.util.List;
import java.util.Map;

/**
 * One resource the program declares, as plain data (for {@code podctl plan} and graph diffs).
 *
 * @param type    the Pulumi type token, e.g. {@code aws:ec2/instance:Instance} or {@code podctl:pod:Network}
 * @param name    the logical name, e.g. {@code prd-pod-1-zk-1}
 * @param parent  the logical name of the parent component, or null for top-level components
 * @param inputs  the resolved inputs: maps, lists, strings, booleans, and numbers as Long (integral)
 *                or Double; references to other resources show as that resource's logical name
 *                (the mock engine's ids are the names); empty for components
 * @param options the resource options that decide how changes are applied
 */
public record PlannedResource(String type, String name, String parent, Map<String, Object> inputs, Options options) {

    /** @param dependsOn the logical names of the resources this one waits for beyond its inputs' references */
    public record Options(boolean deleteBeforeReplace, boolean retainOnDelete, boolean protect, List<String> replaceOnChanges,
            List<String> ignoreChanges, List<String> dependsOn) {

        public static final Options NONE = new Options(false, false, false, List.of(), List.of(), List.of());

        public Options {
            replaceOnChanges = List.copyOf(replaceOnChanges);
            ignoreChanges = List.copyOf(ignoreChanges);
            dependsOn = List.copyOf(dependsOn);
        }
    }

    public boolean isComponent() {
        return type.startsWith("podctl:");
    }

    /** A top-level input, or null. */
    public Object input(String key) {
        return inputs.get(key);
    }
}
