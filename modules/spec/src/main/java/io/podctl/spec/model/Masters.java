package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The control hosts: ZooKeeper, Mesos masters, Marathon. */
public record Masters(
        @JsonProperty(required = true) @JsonPropertyDescription("EC2 instance type, e.g. m5.large.") String instanceType,
        @JsonProperty(required = true) @JsonPropertyDescription("GiB of the EBS data volume per host; it survives instance replacement.") Integer dataVolumeGiB) {}
