package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

public record Access(
        @JsonProperty(required = true) @JsonPropertyDescription("CIDRs that may reach the Mesos and Marathon APIs.") List<String> adminCidrs,
        @JsonPropertyDescription("EC2 key pair for SSH, optional.") String sshKeyName) {

    public Access {
        adminCidrs = adminCidrs == null ? null : List.copyOf(adminCidrs);
    }
}
