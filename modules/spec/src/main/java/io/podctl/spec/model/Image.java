package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The machine image: a pinned AMI id, or an SSM parameter that holds one. */
public record Image(
        @JsonPropertyDescription("A pinned AMI id, ami-...") String ami,
        @JsonPropertyDescription("An SSM parameter name holding the AMI id, e.g. /pods/images/mesos-base.") String ssmParameter) {}
