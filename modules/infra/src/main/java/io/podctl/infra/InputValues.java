package io.podctl.infra;

import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.core.annotations.EnumType;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.annotations.ImportMetadata;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.Resource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resource's arguments as the mocks receive them, resolved without the engine protocol.
 *
 * <p>The SDK serializes arguments to protobuf and its mock monitor parses them back; the mocks
 * end up with plain values: strings, booleans, numbers as {@code Double}, lists, and maps without
 * null entries, with outputs resolved (secret ones too) and enums as their wire value. A
 * property with an unknown value anywhere inside is left out. This class produces exactly that
 * from the argument objects (reading their {@code @Import} fields as the SDK does), and refuses
 * what the pod program never passes (resource references, assets, JSON-typed properties), so a
 * program that starts to is told rather than planned wrongly.
 */
final class InputValues {
    /** Import metadata per argument class: the SDK computes it again for every object. */
    private static final Map<Class<?>, Collection<ImportMetadata<?, ?, ? extends Output<?>>>> IMPORTS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Method> ENUM_VALUES = new ConcurrentHashMap<>();
    /** Stands for an unknown value while resolving; never reaches the mocks. */
    private static final Object UNKNOWN = new Object();

    private InputValues() {}

    /** The known top-level properties of {@code args}, by their wire names. */
    static CompletableFuture<Map<String, Object>> of(InputArgs args) {
        return properties(args).thenApply(map -> {
            map.values().removeIf(InputValues::containsUnknown);
            return map;
        });
    }

    private static CompletableFuture<Map<String, Object>> properties(InputArgs args) {
        Map<String, CompletableFuture<Object>> resolving = new HashMap<>();
        for (ImportMetadata<?, ?, ? extends Output<?>> info : IMPORTS.computeIfAbsent(args.getClass(), c -> ImportMetadata.of(c).values())) {
            if (info.getAnnotation().json()) {
                throw new UnsupportedOperationException("JSON-typed input " + info.getName() + " of " + args.getClass().getName());
            }
            Optional<? extends Output<?>> value = info.getFieldOutput(args);
            if (info.getAnnotation().required() && value.isEmpty()) {
                throw new IllegalArgumentException("'" + info.getName() + "' of " + args.getClass().getSimpleName() + " is required but was not given a value");
            }
            value.ifPresent(output -> resolving.put(info.getName(), resolve(output)));
        }
        return allOf(resolving);
    }

    private static CompletableFuture<Object> resolve(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double) {
            return CompletableFuture.completedFuture(value);
        }
        if (value instanceof Integer i) {
            return CompletableFuture.completedFuture(i.doubleValue()); // protobuf has one number type
        }
        if (value instanceof Output<?> output) {
            return Internal.of(output).getDataAsync().thenCompose(InputValues::resolveData);
        }
        if (value instanceof Optional<?> optional) {
            return resolve(optional.orElse(null));
        }
        if (value instanceof Either<?, ?> either) {
            return resolve(either.either(l -> l, r -> r));
        }
        if (value instanceof InputArgs args) {
            return properties(args).thenApply(map -> map);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, CompletableFuture<Object>> resolving = new HashMap<>();
            map.forEach((k, v) -> resolving.put(key(k), resolve(v)));
            return allOf(resolving).thenApply(m -> m);
        }
        if (value instanceof List<?> list) {
            List<CompletableFuture<Object>> resolving = list.stream().map(InputValues::resolve).toList();
            return CompletableFuture.allOf(resolving.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<Object> values = new ArrayList<>(resolving.size());
                resolving.forEach(f -> values.add(f.join()));
                return values;
            });
        }
        if (value instanceof Enum<?> e) {
            return CompletableFuture.completedFuture(enumValue(e));
        }
        if (value instanceof Resource r) {
            throw new UnsupportedOperationException("a resource reference as an input (" + r.pulumiResourceName() + ")");
        }
        throw new UnsupportedOperationException("an input of type " + value.getClass().getName());
    }

    private static CompletableFuture<Object> resolveData(OutputData<?> data) {
        return data.isKnown() ? resolve(data.getValueNullable()) : CompletableFuture.completedFuture(UNKNOWN);
    }

    /** Entries with a null value are left out, as the SDK's serializer does. */
    private static CompletableFuture<Map<String, Object>> allOf(Map<String, CompletableFuture<Object>> resolving) {
        return CompletableFuture.allOf(resolving.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Object> values = new HashMap<>();
            resolving.forEach((k, f) -> {
                Object v = f.join();
                if (v != null) {
                    values.put(k, v);
                }
            });
            return values;
        });
    }

    private static boolean containsUnknown(Object value) {
        if (value == UNKNOWN) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(InputValues::containsUnknown);
        }
        return value instanceof List<?> list && list.stream().anyMatch(InputValues::containsUnknown);
    }

    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        throw new UnsupportedOperationException("a map input with a " + (key == null ? "null" : key.getClass().getName()) + " key");
    }

    /** A provider enum's wire value: the method its class marks as the converter. */
    private static Object enumValue(Enum<?> e) {
        Method converter = ENUM_VALUES.computeIfAbsent(e.getClass(), c -> TypeShape.of(c).getAnnotatedMethod(EnumType.Converter.class));
        try {
            Object v = converter.invoke(e);
            if (v instanceof String || v instanceof Double) {
                return v;
            }
            throw new UnsupportedOperationException("enum " + e.getClass().getName() + " converts to " + v);
        } catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("cannot read the value of " + e, ex);
        }
    }
}
