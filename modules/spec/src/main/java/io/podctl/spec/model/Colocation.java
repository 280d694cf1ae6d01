package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether ZooKeeper, Mesos masters and Marathon get their own hosts or share three ("doubling up"). */
public enum Colocation {
    @JsonProperty("dedicated") DEDICATED,
    @JsonProperty("shared") SHARED;

    public String wire() {
        return this == DEDICATED ? "dedicated" : "shared";
    }
}
