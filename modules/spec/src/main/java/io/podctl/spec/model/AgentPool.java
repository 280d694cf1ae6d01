package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

public record AgentPool(
        @JsonProperty(required = true) @JsonPropertyDescription("Pool name, unique in the pod.") String name,
        @JsonProperty(required = true) @JsonPropertyDescription("EC2 instance type of the agents.") String instanceType,
        @JsonProperty(required = true) @JsonPropertyDescription("Number of agents, >= 1, spread evenly over the pod's zones.") Integer count,
        @JsonPropertyDescription("Mesos attributes, in addition to zone:<az> and pod:<name>.") Map<String, String> attributes) {

    public AgentPool {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
