package io.podctl.infra;

import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.podctl.plan.PodPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS endpoints a host needs at boot, inside the pod's VPC: S3 as a gateway endpoint on the
 * private route table (free; artifacts in the team's bucket then never cross the NAT), and, unless
 * the spec turns them off, interface endpoints with private DNS for what the bootstrap and Session
 * Manager call: SSM, its message channels and Secrets Manager. With them a pod boots without the
 * internet; without them those calls leave through the NAT gateway.
 */
final class VpcEndpoints {
    /** Services the bootstrap (secrets, boot markers) and the SSM agent (Run Command, Session Manager) talk to. */
    static final List<String> INTERFACE_SERVICES = List.of("ssm", "ssmmessages", "ec2messages", "secretsmanager");
    static final int HTTPS = 443;

    private VpcEndpoints() {}

    /** Declares the endpoints under {@code parent}; returns them, so hosts can wait for them. */
    static List<Resource> create(Resource parent, PodPlan plan, Vpc vpc, RouteTable privateRoutes, Output<List<String>> privateSubnetIds) {
        String pod = plan.pod();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        List<Resource> endpoints = new ArrayList<>();
        endpoints.add(new VpcEndpoint(pod + "-vpce-s3", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName(serviceName(plan, "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(privateRoutes.id().applyValue(List::of))
                .tags(Tags.named(plan.tags(), pod + "-vpce-s3"))
                .build(), child));
        if (!plan.network().interfaceEndpoints()) {
            return endpoints;
        }
        String groupName = pod + "-endpoints";
        SecurityGroup group = new SecurityGroup(groupName, SecurityGroupArgs.builder()
                .name(groupName)
                .description("AWS API endpoints of pod " + pod + ": HTTPS from the VPC")
                .vpcId(vpc.id())
                .tags(Tags.named(plan.tags(), groupName))
                .build(), child);
        String ruleName = groupName + "-in-tcp443-from-vpc";
        new SecurityGroupIngressRule(ruleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .ipProtocol("tcp")
                .fromPort(HTTPS)
                .toPort(HTTPS)
                .cidrIpv4(plan.network().vpcCidr())
                .description("Hosts call AWS APIs through the endpoints")
                .tags(Tags.named(plan.tags(), ruleName))
                .build(), child);
        for (String service : INTERFACE_SERVICES) {
            endpoints.add(new VpcEndpoint(pod + "-vpce-" + service, VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName(serviceName(plan, service))
                    .vpcEndpointType("Interface")
                    .subnetIds(privateSubnetIds)
                    .securityGroupIds(group.id().applyValue(List::of))
                    .privateDnsEnabled(true) // the AWS CLI on the hosts keeps its default endpoint names
                    .tags(Tags.named(plan.tags(), pod + "-vpce-" + service))
                    .build(), child));
        }
        return endpoints;
    }

    static String serviceName(PodPlan plan, String service) {
        return "com.amazonaws." + plan.region() + "." + service;
    }
}
