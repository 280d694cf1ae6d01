package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.podctl.spec.validate.Durations;
import java.time.Duration;

public record Rollout(
        @JsonProperty(required = true) @JsonPropertyDescription("Pods upgrade one at a time, lowest wave first.") Integer wave,
        @JsonProperty(required = true) @JsonPropertyDescription("How long a pod must run a new version before the next wave: 30m, 6h, 2d.") String soak,
        @JsonProperty(required = true) @JsonPropertyDescription("When upgrades of this pod may start.") Window window) {

    public Duration soakDuration() {
        return Durations.parse(soak).orElseThrow();
    }
}
