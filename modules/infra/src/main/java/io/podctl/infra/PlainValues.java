package io.podctl.infra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Engine values as plain, deterministic data: sorted maps, lists, and integral numbers as Long. */
final class PlainValues {
    private PlainValues() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(Map<String, Object> map) {
        return (Map<String, Object>) plain(map);
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(String.valueOf(k), plain(v));
                }
            });
            return Collections.unmodifiableMap(sorted);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(plain(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return value;
    }
}
