package io.podctl.infra;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.podctl.plan.AgentGroup;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.plan.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod's Mesos agents: per pool a launch template and an auto scaling group over the pod's
 * subnets. The group has no instance refresh: a new template version changes no running agent
 * (the provider would start a refresh of the whole group and not wait for it). The rollout
 * drains and replaces agents one at a time itself; the group launches each replacement from the
 * template's latest version.
 */
public final class AgentPools extends ComponentResource {
    private final List<Output<String>> groupNames = new ArrayList<>();

    public AgentPools(PodPlan plan, PodNetwork network, PodIdentity identity) {
        super(ComponentTypes.AGENT_POOLS, plan.pod() + "-agents", ComponentResourceOptions.Empty);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        for (AgentGroup group : plan.agentGroups()) {
            LaunchTemplate template = launchTemplate(plan, group, network, identity, child);
            Group asg = new Group(group.name(), GroupArgs.builder()
                    .name(group.name())
                    .minSize(group.count())
                    .maxSize(group.count())
                    .desiredCapacity(group.count())
                    .vpcZoneIdentifiers(Output.all(group.zones().stream().sorted().map(network::subnetId).toList())) // zone-name order, as the endpoints
                    .launchTemplate(GroupLaunchTemplateArgs.builder()
                            .id(template.id())
                            .version(template.latestVersion().applyValue(String::valueOf))
                            .build())
                    .healthCheckType("EC2")
                    .tags(group.tags().entrySet().stream().map(t -> GroupTagArgs.builder()
                            .key(t.getKey()).value(t.getValue()).propagateAtLaunch(true).build()).toList())
                    .build(), CustomResourceOptions.builder().parent(this)
                    .dependsOn(network.bootPrerequisites(group.zones())) // agents install Mesos at first boot
                    .build());
            groupNames.add(asg.name());
        }
        registerOutputs(Map.of("groupNames", Output.all(groupNames)));
    }

    private LaunchTemplate launchTemplate(PodPlan plan, AgentGroup group, PodNetwork network, PodIdentity identity,
            CustomResourceOptions child) {
        Map<String, String> tags = Tags.named(group.tags(), group.name());
        var args = LaunchTemplateArgs.builder()
                .name(group.name())
                .imageId(plan.imageId())
                .instanceType(group.instanceType())
                .userData(UserData.base64(group.userData())) // gzip: headroom under EC2's 16 KiB
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder().arn(identity.agentProfileArn()).build())
                .vpcSecurityGroupIds(network.securityGroupIds(List.of(ControlHost.MEMBERSHIP_GROUP, Role.MESOS_AGENT.wire())))
                // IMDSv2 with one hop: a container on a bridge network is a hop further and gets no
                // token. Tasks on the host's network (Mesos containerizer without network isolation,
                // Docker --net=host) still reach the metadata service: they can act as the agent
                // role, which is why that role reads nothing but the agents' own credential.
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpTokens("required")
                        .httpEndpoint("enabled")
                        .httpPutResponseHopLimit(1)
                        .instanceMetadataTags("enabled") // agents learn their pool and pod from their tags
                        .build())
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(tags).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(tags).build())
                .updateDefaultVersion(true)
                .tags(tags);
        if (plan.sshKeyName() != null) {
            args.keyName(plan.sshKeyName());
        }
        return new LaunchTemplate(group.name(), args.build(), child);
    }

    Output<List<String>> groupNames() {
        return Output.all(groupNames);
    }
}
