package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The SLA class of a pod. */
public enum Tier {
    @JsonProperty("prod") PROD,
    @JsonProperty("not-prod") NOT_PROD;

    public String wire() {
        return this == PROD ? "prod" : "not-prod";
    }
}
