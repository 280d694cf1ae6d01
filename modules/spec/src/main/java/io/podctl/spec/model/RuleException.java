package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An accepted deviation from a prod rule, kept visible as a warning. */
public record RuleException(
        @JsonProperty(required = true) @JsonPropertyDescription("single-zone or shared-colocation.") String rule,
        @JsonProperty(required = true) @JsonPropertyDescription("Why the deviation is accepted.") String reason) {

    public static final String SINGLE_ZONE = "single-zone";
    public static final String SHARED_COLOCATION = "shared-colocation";
}
