package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Either a CIDR for a VPC podctl creates, or an existing VPC with one subnet per zone. */
public record Network(
        @JsonPropertyDescription("IPv4 CIDR, /16 to /24, of a VPC that podctl creates with one subnet per zone.") String vpcCidr,
        @JsonPropertyDescription("An existing VPC id (vpc-...); then subnets must name a subnet for every zone used.") String vpcId,
        @JsonPropertyDescription("Existing subnets by zone, with vpcId.") Map<String, String> subnets) {

    public Network {
        subnets = subnets == null ? Map.of() : Map.copyOf(subnets);
    }

    public boolean createsVpc() {
        return vpcCidr != null;
    }
}
