package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a pod's hosts sit across availability zones. */
public enum Placement {
    /** The three hosts of each control role sit in three distinct zones. */
    @JsonProperty("stripe") STRIPE,
    /** The whole pod sits in zones[0]. */
    @JsonProperty("single-zone") SINGLE_ZONE;

    public String wire() {
        return this == STRIPE ? "stripe" : "single-zone";
    }
}
