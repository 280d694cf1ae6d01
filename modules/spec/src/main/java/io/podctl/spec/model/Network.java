package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Either a CIDR for a VPC podctl creates, or an existing VPC with one subnet per zone. */
public record Network(
        @JsonPropertyDescription("IPv4 CIDR, /16 to /24, of a VPC that podctl creates with one subnet per zone.") String vpcCidr,
        @JsonPropertyDescription("An existing VPC id (vpc-...); then subnets must name a subnet for every zone used.") String vpcId,
        @JsonPropertyDescription("Existing subnets by zone, with vpcId.") Map<String, String> subnets,
        @JsonPropertyDescription("Interface VPC endpoints (ssm, ssmmessages, ec2messages, secretsmanager) in a VPC podctl creates,"
                + " so hosts reach them without the NAT gateway; about 7 USD a month each per zone. Default: true for prod,"
                + " false for not-prod. The S3 gateway endpoint (free) is always created.") Boolean interfaceEndpoints) {

    public Network {
        subnets = subnets == null ? Map.of() : Map.copyOf(subnets);
    }

    /** Whether a created VPC gets the interface endpoints: the spec's choice, else on for prod only. */
    public boolean interfaceEndpointsFor(Tier tier) {
        return interfaceEndpoints != null ? interfaceEndpoints : tier == Tier.PROD;
    }

    public boolean createsVpc() {
        return vpcCidr != null;
    }
}
