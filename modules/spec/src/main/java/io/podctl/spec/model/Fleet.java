package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** pods/fleet.yaml: defaults every pod inherits unless it states its own value. */
public record Fleet(
        @JsonProperty(required = true) @JsonPropertyDescription("Always podctl/v1.") String apiVersion,
        @JsonProperty(required = true) @JsonPropertyDescription("Fleet") String kind,
        FleetMetadata metadata,
        @JsonProperty(required = true) FleetSpec spec) {

    public record FleetMetadata(@JsonPropertyDescription("A name for the fleet.") String name) {}

    public record FleetSpec(
            @JsonPropertyDescription("Any pod spec field; a pod's own value wins, mappings merge key by key.")
            PodSpec defaults) {}
}
