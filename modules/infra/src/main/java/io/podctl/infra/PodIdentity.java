package io.podctl.infra;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.podctl.plan.IdentityPlan;
import io.podctl.plan.PodPlan;
import java.util.Map;

/**
 * The pod's instance roles and profiles: one for the control hosts, one for the agents. Agents
 * run other teams' containers; a task that reaches the metadata service must not find the
 * control plane's credentials there.
 */
public final class PodIdentity extends ComponentResource {
    private final Output<String> profileName;
    private final Output<String> profileArn;
    private final Output<String> agentProfileArn;

    public PodIdentity(PodPlan plan) {
        super(ComponentTypes.IDENTITY, plan.pod() + "-identity", ComponentResourceOptions.Empty);
        IdentityPlan identity = plan.identity();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Role role = new Role(identity.roleName(), RoleArgs.builder()
                .name(identity.roleName())
                .description("Hosts of pod " + plan.pod())
                .assumeRolePolicy(HostPolicy.assumeRoleByEc2())
                .tags(Tags.named(plan.tags(), identity.roleName()))
                .build(), child);
        Output<String> region = AwsFunctions.getRegion().applyValue(r -> requireRegion(plan, r));
        Output<String> account = AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId);
        new RolePolicy(identity.roleName() + "-read-pod-config", RolePolicyArgs.builder()
                .role(role.name())
                .name("read-pod-config")
                .policy(Output.tuple(region, account).applyValue(t -> HostPolicy.readPodConfig(identity, t.t1, t.t2)))
                .build(), child);
        InstanceProfile profile = new InstanceProfile(identity.roleName(), InstanceProfileArgs.builder()
                .name(identity.roleName())
                .role(role.name())
                .tags(Tags.named(plan.tags(), identity.roleName()))
                .build(), child);
        profileName = profile.name();
        profileArn = profile.arn();

        String agentRoleName = identity.agentRoleName();
        Role agentRole = new Role(agentRoleName, RoleArgs.builder()
                .name(agentRoleName)
                .description("Mesos agents of pod " + plan.pod())
                .assumeRolePolicy(HostPolicy.assumeRoleByEc2())
                .tags(Tags.named(plan.tags(), agentRoleName))
                .build(), child);
        new RolePolicy(agentRoleName + "-agent", RolePolicyArgs.builder()
                .role(agentRole.name())
                .name("agent")
                .policy(Output.tuple(region, account).applyValue(t -> HostPolicy.agent(plan.pod(), identity, t.t1, t.t2)))
                .build(), child);
        InstanceProfile agentProfile = new InstanceProfile(agentRoleName, InstanceProfileArgs.builder()
                .name(agentRoleName)
                .role(agentRole.name())
                .tags(Tags.named(plan.tags(), agentRoleName))
                .build(), child);
        agentProfileArn = agentProfile.arn();
        registerOutputs(Map.of("instanceProfileArn", profileArn, "agentInstanceProfileArn", agentProfileArn));
    }

    /** The AWS provider's region must be the spec's, or the zones and ARNs would be wrong. */
    private static String requireRegion(PodPlan plan, GetRegionResult region) {
        if (!plan.region().equals(region.name())) {
            throw new IllegalStateException("pod " + plan.pod() + " is in " + plan.region() + " but the AWS provider targets "
                    + region.name() + " (set aws:region or AWS_REGION to " + plan.region() + ")");
        }
        return region.name();
    }

    public Output<String> profileName() {
        return profileName;
    }

    public Output<String> profileArn() {
        return profileArn;
    }

    public Output<String> agentProfileArn() {
        return agentProfileArn;
    }
}
