package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One pod file: one failure domain, one Pulumi stack.
 *
 * @param artifacts not a field of the file: the fleet's artifact manifest (pods/artifacts.yaml),
 *                  attached by the loader so every command renders hosts from the same entries
 */
public record Pod(
        @JsonProperty(required = true) @JsonPropertyDescription("Always podctl/v1.") String apiVersion,
        @JsonProperty(required = true) @JsonPropertyDescription("Pod") String kind,
        @JsonProperty(required = true) Metadata metadata,
        @JsonProperty(required = true) PodSpec spec,
        @JsonIgnore ArtifactManifest artifacts) {

    public Pod {
        artifacts = artifacts == null ? ArtifactManifest.NONE : artifacts;
    }

    public Pod withArtifacts(ArtifactManifest manifest) {
        return new Pod(apiVersion, kind, metadata, spec, manifest);
    }

    public String name() {
        return metadata.name();
    }
}
