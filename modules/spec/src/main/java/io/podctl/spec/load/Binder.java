package io.podctl.spec.load;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.validate.Suggestions;
import io.podctl.spec.yaml.SourceMap;
import io.podctl.spec.yaml.YamlNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Binds positioned YAML onto the spec records, strictly: unknown fields, duplicate keys, wrong
 * types and missing required fields become findings at the offending node. The records are the
 * single model: the same annotations drive this binder and the generated JSON Schema.
 *
 * <p>Type errors never quote the value: it could be a secret typed into the wrong field.
 */
final class Binder {
    private final List<Finding> findings;
    private final SourceMap where;
    private final Predicate<String> requiredAt;
    private boolean incomplete;

    /** {@code requiredAt} says under which paths required fields are enforced (not in fleet defaults). */
    Binder(List<Finding> findings, SourceMap where, Predicate<String> requiredAt) {
        this.findings = findings;
        this.where = where;
        this.requiredAt = requiredAt;
    }

    /**
     * True when a value is missing or of the wrong type, so the bound record has holes and the
     * semantic rules must not run on it. Unknown fields and duplicate keys leave it complete.
     */
    boolean incomplete() {
        return incomplete;
    }

    <T> T bindRecord(YamlNode node, Class<T> type, String path) {
        return type.cast(bind(node, type, path));
    }

    private Object bind(YamlNode node, Type type, String path) {
        where.put(path, node.position());
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            return null;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                return bindList(node, p.getActualTypeArguments()[0], path);
            }
            if (raw == Map.class) {
                Type valueType = p.getActualTypeArguments()[1];
                return valueType == String.class ? bindStringMap(node, path) : bindMap(node, valueType, path);
            }
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            YamlNode.Scalar s = scalar(node, path, "a string");
            return s == null ? null : s.text();
        }
        if (cls == Integer.class) {
            return bindInteger(node, path);
        }
        if (cls == Boolean.class) {
            YamlNode.Scalar s = scalar(node, path, "true or false");
            if (s != null && s.kind() != YamlNode.ScalarKind.BOOL) {
                error(node, label(path) + " must be true or false, not " + s.describe());
                return null;
            }
            return s == null ? null : Boolean.valueOf(s.text().equalsIgnoreCase("true"));
        }
        if (cls.isEnum()) {
            return bindEnum(node, cls, path);
        }
        if (cls.isRecord()) {
            return bindRecordNode(node, cls, path);
        }
        throw new IllegalStateException("spec model uses an unsupported type: " + type);
    }

    private YamlNode.Scalar scalar(YamlNode node, String path, String expected) {
        if (node instanceof YamlNode.Scalar s) {
            return s;
        }
        error(node, label(path) + " must be " + expected + ", not " + node.describe());
        return null;
    }

    private Integer bindInteger(YamlNode node, String path) {
        YamlNode.Scalar s = scalar(node, path, "an integer");
        if (s == null) {
            return null;
        }
        if (s.kind() == YamlNode.ScalarKind.INT) {
            String digits = s.text().replace("_", "");
            try {
                return Integer.valueOf(digits);
            } catch (NumberFormatException e) {
                if (digits.matches("[-+]?[0-9]+")) {
                    error(node, label(path) + " must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                            + "; this one has " + digits.replaceFirst("^[-+]", "").length() + " digits");
                    return null;
                }
                error(node, label(path) + " must be a plain decimal integer such as 6 (not hexadecimal, octal or 1:30)");
                return null;
            }
        }
        error(node, label(path) + " must be an integer, not " + s.describe());
        return null;
    }

    private Object bindEnum(YamlNode node, Class<?> cls, String path) {
        YamlNode.Scalar s = scalar(node, path, "a string");
        if (s == null) {
            return null;
        }
        Map<String, Object> byWire = new LinkedHashMap<>();
        for (Object constant : cls.getEnumConstants()) {
            byWire.put(wireName((Enum<?>) constant), constant);
        }
        Object found = byWire.get(s.text());
        if (found == null) {
            String hint = Suggestions.nearest(s.text(), byWire.keySet()).map(n -> "; did you mean '" + n + "'?").orElse("");
            error(node, label(path) + " must be one of " + String.join(", ", byWire.keySet()) + ", not '" + s.text() + "'" + hint);
        }
        return found;
    }

    private List<Object> bindList(YamlNode node, Type itemType, String path) {
        if (!(node instanceof YamlNode.Sequence seq)) {
            error(node, label(path) + " must be a list, not " + node.describe());
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Object item = bind(seq.items().get(i), itemType, path + "[" + i + "]");
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    private Map<String, String> bindStringMap(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Mapping map)) {
            error(node, label(path) + " must be a mapping, not " + node.describe());
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (YamlNode.Entry e : map.entries()) {
            String key = e.key().text();
            String child = path + "." + key;
            if (firstLine.putIfAbsent(key, e.key().position().line()) != null) {
                reject(e.key(), "duplicate key '" + key + "' in " + label(path) + " (first at line " + firstLine.get(key) + ")");
                continue;
            }
            where.put(child, e.value().position());
            if (e.value() instanceof YamlNode.Scalar s) {
                if (!s.isNull()) {
                    out.put(key, s.text());
                }
            } else {
                error(e.value(), label(child) + " must be a string, not " + e.value().describe());
            }
        }
        return out;
    }

    /** A mapping whose values are records or mappings themselves (the artifact manifest). */
    private Map<String, Object> bindMap(YamlNode node, Type valueType, String path) {
        if (!(node instanceof YamlNode.Mapping map)) {
            error(node, label(path) + " must be a mapping, not " + node.describe());
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (YamlNode.Entry e : map.entries()) {
            String key = e.key().text();
            if (firstLine.putIfAbsent(key, e.key().position().line()) != null) {
                reject(e.key(), "duplicate key '" + key + "' in " + label(path) + " (first at line " + firstLine.get(key) + ")");
                continue;
            }
            Object value = bind(e.value(), valueType, path + "." + key);
            if (value != null) {
                out.put(key, value);
            }
        }
        return out;
    }

    private Object bindRecordNode(YamlNode node, Class<?> cls, String path) {
        if (!(node instanceof YamlNode.Mapping map)) {
            error(node, label(path) + " must be a mapping, not " + node.describe());
            return null;
        }
        RecordComponent[] components = cls.getRecordComponents();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            // not a field of the file: filled in by the loader (a pod's artifact manifest)
            if (components[i].getAccessor().getAnnotation(JsonIgnore.class) == null) {
                index.put(components[i].getName(), i);
            }
        }
        Object[] values = new Object[components.length];
        boolean[] written = new boolean[components.length];
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> suggested = new HashSet<>();
        for (YamlNode.Entry e : map.entries()) {
            String key = e.key().text();
            Integer i = index.get(key);
            if (i == null) {
                Optional<String> nearest = Suggestions.nearest(key, index.keySet());
                nearest.ifPresent(suggested::add);
                String hint = nearest.map(n -> "; did you mean '" + n + "'?")
                        .orElse("; known fields: " + String.join(", ", index.keySet()));
                reject(e.key(), "unknown field '" + key + "' in " + label(path) + hint);
                continue;
            }
            if (firstLine.putIfAbsent(key, e.key().position().line()) != null) {
                reject(e.key(), "duplicate key '" + key + "' in " + label(path) + " (first at line " + firstLine.get(key) + ")");
                continue;
            }
            written[i] = !(e.value() instanceof YamlNode.Scalar s && s.isNull());
            values[i] = bind(e.value(), components[i].getGenericType(), child(path, key));
        }
        if (requiredAt.test(path)) {
            for (int i = 0; i < components.length; i++) {
                JsonProperty p = components[i].getAccessor().getAnnotation(JsonProperty.class);
                // a misspelt field was already reported with this name as its suggestion
                boolean misspelt = suggested.contains(components[i].getName());
                if (p != null && p.required() && !written[i]) {
                    if (misspelt) {
                        incomplete = true;
                    } else {
                        error(node, "missing required field '" + components[i].getName() + "' in " + label(path));
                    }
                }
            }
        }
        return construct(cls, components, values);
    }

    private Object construct(Class<?> cls, RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> ctor = cls.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + cls.getSimpleName(), e);
        }
    }

    private void error(YamlNode node, String message) {
        incomplete = true;
        findings.add(Finding.error(node.position(), message));
    }

    private void reject(YamlNode node, String message) {
        findings.add(Finding.error(node.position(), message));
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String label(String path) {
        return path.isEmpty() ? "the document" : "'" + path + "'";
    }

    static String wireName(Enum<?> constant) {
        try {
            JsonProperty p = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return p != null ? p.value() : constant.name().toLowerCase();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
