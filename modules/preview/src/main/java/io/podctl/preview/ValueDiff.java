package io.podctl.preview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A structural diff of two plain values (maps, lists, scalars), path by path.
 *
 * <p>Written here rather than taken from zjsonpatch: a JSON Patch says how to turn one document
 * into the other (moves, array indexes shifting after a removal, no old values), while a reviewer
 * needs each changed value as old -> new at a stable path. Lists of named maps (agent pools) are
 * therefore matched by name, so removing one pool does not show as every later pool changing.
 */
public final class ValueDiff {
    private ValueDiff() {}

    public static List<ValueChange> between(Object before, Object after) {
        List<ValueChange> changes = new ArrayList<>();
        walk("", before, after, changes);
        return changes;
    }

    /** Every leaf of a value by path, with the same path syntax as {@link #between}. */
    public static Map<String, Object> leaves(Object value) {
        Map<String, Object> leaves = new java.util.LinkedHashMap<>();
        flatten("", value, leaves);
        return leaves;
    }

    private static void flatten(String path, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(join(path, String.valueOf(k)), v, out));
        } else if (value instanceof List<?> list && namedMaps(list)) {
            list.forEach(e -> flatten(path + "[" + ((Map<?, ?>) e).get("name") + "]", e, out));
        } else if (value instanceof List<?> list && !scalars(list)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else if (value instanceof List<?> list) {
            out.put(path, value); // scalar lists compare whole, as between() reports them when their size changes
            for (int i = 0; i < list.size(); i++) {
                out.put(path + "[" + i + "]", list.get(i));
            }
        } else {
            out.put(path, value);
        }
    }

    private static void walk(String path, Object before, Object after, List<ValueChange> out) {
        if (Objects.equals(before, after)) {
            return;
        }
        // a section or pool that appears or disappears shows field by field, like any other change
        if (before == null && (after instanceof Map<?, ?> || after instanceof List<?> l && namedMaps(l))) {
            before = after instanceof Map<?, ?> ? Map.of() : List.of();
        } else if (after == null && (before instanceof Map<?, ?> || before instanceof List<?> l && namedMaps(l))) {
            after = before instanceof Map<?, ?> ? Map.of() : List.of();
        }
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            Set<Object> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            keys.stream().map(String::valueOf).sorted()
                    .forEach(k -> walk(join(path, k), b.get(k), a.get(k), out));
        } else if (before instanceof List<?> b && after instanceof List<?> a) {
            if ((namedMaps(b) || b.isEmpty()) && (namedMaps(a) || a.isEmpty())) {
                Set<String> names = new LinkedHashSet<>(names(b));
                names.addAll(names(a));
                names.forEach(n -> walk(path + "[" + n + "]", byName(b, n), byName(a, n), out));
            } else if (scalars(b) && scalars(a) && b.size() != a.size()) {
                out.add(new ValueChange(path, before, after)); // [x, y] -> [x, y, z] reads better whole
            } else {
                for (int i = 0; i < Math.max(b.size(), a.size()); i++) {
                    walk(path + "[" + i + "]", i < b.size() ? b.get(i) : null, i < a.size() ? a.get(i) : null, out);
                }
            }
        } else {
            out.add(new ValueChange(path, before, after));
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean namedMaps(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("name") instanceof String);
    }

    private static boolean scalars(List<?> list) {
        return list.stream().noneMatch(e -> e instanceof Map<?, ?> || e instanceof List<?>);
    }

    private static List<String> names(List<?> list) {
        return list.stream().map(e -> (String) ((Map<?, ?>) e).get("name")).toList();
    }

    private static Object byName(List<?> list, String name) {
        return list.stream().filter(e -> name.equals(((Map<?, ?>) e).get("name"))).findFirst().orElse(null);
    }
}
