package io.podctl.spec.load;

import io.podctl.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays fleet defaults under a pod's spec: the pod's value wins; where both sides are mappings
 * they merge key by key (so a pod may pin one version and inherit the others); lists and
 * scalars are replaced whole. Inherited nodes keep their fleet.yaml positions, so a bad default
 * is reported where it was written.
 */
final class DefaultsMerge {
    private DefaultsMerge() {}

    static YamlNode under(YamlNode own, YamlNode defaults) {
        if (!(own instanceof YamlNode.Mapping ownMap) || !(defaults instanceof YamlNode.Mapping defaultMap)) {
            return own;
        }
        List<YamlNode.Entry> merged = new ArrayList<>();
        for (YamlNode.Entry e : ownMap.entries()) {
            YamlNode inherited = defaultMap.get(e.key().text()).orElse(null);
            merged.add(inherited == null ? e : new YamlNode.Entry(e.key(), under(e.value(), inherited)));
        }
        for (YamlNode.Entry d : defaultMap.entries()) {
            if (ownMap.get(d.key().text()).isEmpty() && merged.stream().noneMatch(m -> m.key().text().equals(d.key().text()))) {
                merged.add(d);
            }
        }
        return new YamlNode.Mapping(ownMap.position(), List.copyOf(merged));
    }
}
