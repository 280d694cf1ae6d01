package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

public record PodSpec(
        @JsonProperty(required = true) @JsonPropertyDescription("SLA class: prod or not-prod.") Tier tier,
        @JsonProperty(required = true) @JsonPropertyDescription("AWS region, e.g. us-west-2.") String region,
        @JsonProperty(required = true) @JsonPropertyDescription("Availability zones of the region; stripe needs exactly three.") List<String> zones,
        @JsonProperty(required = true) @JsonPropertyDescription("stripe: control hosts over three zones; single-zone: everything in zones[0].") Placement placement,
        @JsonProperty(required = true) @JsonPropertyDescription("dedicated: 9 control hosts; shared: ZooKeeper, Mesos masters and Marathon share 3 hosts.") Colocation colocation,
        @JsonProperty(required = true) Network network,
        @JsonProperty(required = true) Image image,
        @JsonProperty(required = true) Versions versions,
        @JsonProperty(required = true) Masters masters,
        @JsonProperty(required = true) @JsonPropertyDescription("Pools of Mesos agents, spread round-robin over the pod's zones.") List<AgentPool> agents,
        @JsonProperty(required = true) Access access,
        @JsonPropertyDescription("References only: ssm:/path or secretsmanager:arn:... Never a value.") Map<String, String> secrets,
        @JsonProperty(required = true) Rollout rollout,
        @JsonPropertyDescription("Accepted deviations from the prod rules, each with a reason.") List<RuleException> exceptions) {

    public PodSpec {
        zones = zones == null ? null : List.copyOf(zones);
        agents = agents == null ? null : List.copyOf(agents);
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** The zones the pod actually uses: all three for stripe, zones[0] for single-zone. */
    public List<String> usedZones() {
        return placement == Placement.SINGLE_ZONE ? List.of(zones.get(0)) : zones;
    }

    public boolean hasException(String rule) {
        return exceptions.stream().anyMatch(e -> rule.equals(e.rule()));
    }
}
