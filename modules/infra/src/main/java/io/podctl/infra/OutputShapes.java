package io.podctl.infra;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.pulumi.core.TypeShape;
import com.pulumi.core.annotations.CustomType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain answers converted to output shapes as the SDK's converter converts them, without going
 * through protobuf: strings, booleans, numbers, optionals, lists and string maps of them, and
 * provider types ({@code @CustomType} classes, filled through their builders' annotated
 * setters, unknown keys skipped). Anything else (enums, JSON, assets, resources) is
 * {@link #NOT_SIMPLE} and left to the SDK's converter. The converter costs a diff about a
 * tenth of its time, mostly in provider types it inspects anew for every value.
 */
final class OutputShapes {
    static final Object NOT_SIMPLE = new Object();
    private static final Map<Class<?>, Optional<CustomTypeInfo>> CUSTOM_TYPES = new ConcurrentHashMap<>();

    /** A provider type's builder: its constructor, setters by wire name, and build method. */
    private record CustomTypeInfo(Constructor<?> constructor, Map<String, Setter> setters, Method build) {}

    private record Setter(Method method, TypeShape<?> shape) {}

    private OutputShapes() {}

    /** {@code value} (never null) as an instance of {@code shape}, or {@link #NOT_SIMPLE}. */
    static Object convert(TypeShape<?> shape, Object value) {
        if (value == null) {
            return NOT_SIMPLE;
        }
        Class<?> type = shape.getType();
        if (type == Optional.class) {
            Object inner = shape.getParameter(0).map(p -> convert(p, value)).orElse(NOT_SIMPLE);
            return inner == NOT_SIMPLE ? NOT_SIMPLE : Optional.of(inner);
        }
        if (type == String.class) {
            return value instanceof String ? value : NOT_SIMPLE;
        }
        if (type == Boolean.class) {
            return value instanceof Boolean ? value : NOT_SIMPLE;
        }
        if (type == Double.class) {
            return value instanceof Number n ? (Object) n.doubleValue() : NOT_SIMPLE; // the engine's numbers are doubles
        }
        if (type == Integer.class) {
            return value instanceof Number n ? (Object) (int) n.doubleValue() : NOT_SIMPLE;
        }
        if (type == List.class && value instanceof List<?> list) {
            TypeShape<?> element = shape.getParameter(0).orElse(null);
            if (element == null) {
                return NOT_SIMPLE;
            }
            ImmutableList.Builder<Object> copy = ImmutableList.builder();
            for (Object v : list) {
                Object c = convert(element, v);
                if (c == NOT_SIMPLE) {
                    return NOT_SIMPLE;
                }
                copy.add(c);
            }
            return copy.build();
        }
        if (type == Map.class && value instanceof Map<?, ?> map) {
            TypeShape<?> element = shape.getParameter(1).orElse(null);
            if (element == null || shape.getParameter(0).map(k -> k.getType() != String.class).orElse(true)) {
                return NOT_SIMPLE;
            }
            ImmutableMap.Builder<String, Object> copy = ImmutableMap.builder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object c = convert(element, e.getValue());
                if (!(e.getKey() instanceof String) || c == NOT_SIMPLE) {
                    return NOT_SIMPLE;
                }
                copy.put((String) e.getKey(), c);
            }
            return copy.build();
        }
        Optional<CustomTypeInfo> custom = CUSTOM_TYPES.computeIfAbsent(type, OutputShapes::customType);
        if (custom.isPresent() && value instanceof Map<?, ?> map) {
            return build(custom.get(), map);
        }
        return NOT_SIMPLE;
    }

    private static Object build(CustomTypeInfo info, Map<?, ?> values) {
        try {
            Object builder = info.constructor().newInstance();
            for (Map.Entry<?, ?> e : values.entrySet()) {
                Setter setter = info.setters().get(e.getKey());
                if (setter == null || e.getValue() == null) {
                    continue; // as the converter: unknown keys are skipped, missing values left unset
                }
                Object v = convert(setter.shape(), e.getValue());
                if (v == NOT_SIMPLE) {
                    return NOT_SIMPLE;
                }
                setter.method().invoke(builder, v);
            }
            return info.build().invoke(builder);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return NOT_SIMPLE; // the converter reports it properly
        }
    }

    private static Optional<CustomTypeInfo> customType(Class<?> type) {
        if (!type.isAnnotationPresent(CustomType.class)) {
            return Optional.empty();
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.isAnnotationPresent(CustomType.Builder.class)) {
                try {
                    Constructor<?> constructor = nested.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    Method build = nested.getDeclaredMethod("build");
                    build.setAccessible(true);
                    Map<String, Setter> setters = new HashMap<>();
                    for (Method m : nested.getDeclaredMethods()) {
                        CustomType.Setter annotation = m.getAnnotation(CustomType.Setter.class);
                        if (annotation != null && m.getParameterCount() == 1) {
                            m.setAccessible(true);
                            String wire = annotation.value().isBlank() ? m.getName() : annotation.value();
                            setters.put(wire, new Setter(m, TypeShape.extract(m.getParameters()[0])));
                        }
                    }
                    return Optional.of(new CustomTypeInfo(constructor, Map.copyOf(setters), build));
                } catch (NoSuchMethodException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
