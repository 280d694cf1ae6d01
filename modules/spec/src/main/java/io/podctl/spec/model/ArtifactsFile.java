package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** pods/artifacts.yaml: per component and version, the release file hosts install. */
public record ArtifactsFile(
        @JsonProperty(required = true) @JsonPropertyDescription("Always podctl/v1.") String apiVersion,
        @JsonProperty(required = true) @JsonPropertyDescription("Artifacts") String kind,
        Fleet.FleetMetadata metadata,
        @JsonProperty(required = true) @JsonPropertyDescription("component (zookeeper, mesos, marathon) -> version -> artifact")
        Map<String, Map<String, Artifact>> spec) {}
