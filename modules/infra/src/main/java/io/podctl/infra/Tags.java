package io.podctl.infra;

import java.util.Map;
import java.util.TreeMap;

/** AWS tags derived from a plan's tags: same podctl:* keys, a Name for the individual resource. */
final class Tags {
    private Tags() {}

    static Map<String, String> named(Map<String, String> tags, String name) {
        Map<String, String> named = new TreeMap<>(tags);
        named.put("Name", name);
        return named;
    }
}
