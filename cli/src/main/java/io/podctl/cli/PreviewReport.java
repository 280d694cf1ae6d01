package io.podctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.engine.ResourceOp;
import io.podctl.engine.ResourceStep;
import io.podctl.engine.StackResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A preview as JSON, in the vocabulary of {@code podctl diff --output json} (create, update,
 * replace, delete per resource), so the engine's answer and podctl's prediction can be compared.
 */
final class PreviewReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreviewReport() {}

    static String json(String pod, StackResult preview) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (ResourceStep step : preview.changes().steps()) {
            String action = action(step.op());
            if (action != null) {
                // a replacement is announced as several steps on one resource; it is one change
                byName.merge(step.name(), resource(action, step), (a, b) -> "replace".equals(b.get("action")) ? b : a);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String action : List.of("create", "update", "replace", "delete")) {
            counts.put(action, (int) byName.values().stream().filter(r -> action.equals(r.get("action"))).count());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pod", pod);
        root.put("counts", counts);
        root.put("resources", List.copyOf(byName.values()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> resource(String action, ResourceStep step) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("action", action);
        r.put("type", step.type());
        r.put("name", step.name());
        r.put("diffs", step.diffs());
        return r;
    }

    private static String action(ResourceOp op) {
        return switch (op) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case REPLACE, CREATE_REPLACEMENT, DELETE_REPLACED -> "replace";
            case DELETE -> "delete";
            default -> null;
        };
    }
}
