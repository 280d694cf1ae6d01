package io.podctl.preview;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.spec.model.Pod;
import java.util.Map;

/**
 * A bound pod (fleet defaults merged) as a plain tree keyed like its YAML, so spec-level changes
 * read as YAML paths. Built from the records' components only: helper methods are not spec.
 */
final class SpecValues {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private SpecValues() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Pod pod) {
        return MAPPER.convertValue(pod, Map.class);
    }
}
