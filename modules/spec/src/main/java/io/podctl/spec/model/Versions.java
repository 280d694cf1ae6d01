package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public record Versions(
        @JsonProperty(required = true) @JsonPropertyDescription("ZooKeeper version, >= 3.5.") String zookeeper,
        @JsonProperty(required = true) @JsonPropertyDescription("Mesos version, >= 1.0.") String mesos,
        @JsonProperty(required = true) @JsonPropertyDescription("Marathon version, >= 1.4.") String marathon) {}
