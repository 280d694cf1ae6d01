package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One pod file: one failure domain, one Pulumi stack. */
public record Pod(
        @JsonProperty(required = true) @JsonPropertyDescription("Always podctl/v1.") String apiVersion,
        @JsonProperty(required = true) @JsonPropertyDescription("Pod") String kind,
        @JsonProperty(required = true) Metadata metadata,
        @JsonProperty(required = true) PodSpec spec) {

    public String name() {
        return metadata.name();
    }
}
