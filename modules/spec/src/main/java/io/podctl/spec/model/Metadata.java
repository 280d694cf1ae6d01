package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

public record Metadata(
        @JsonProperty(required = true)
        @JsonPropertyDescription("Pod name, also the file name and the Pulumi stack name: ^[a-z][a-z0-9-]{0,39}$, unique across pods/.")
        String name,
        @JsonPropertyDescription("Free-form string labels, copied to AWS tags.")
        Map<String, String> labels) {

    public Metadata {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
