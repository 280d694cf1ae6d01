package io.podctl.engine.rollout;

import io.podctl.engine.ResourceOp;
import io.podctl.engine.ResourceStep;
import io.podctl.engine.StackChanges;
import java.util.List;
import java.util.Set;

/**
 * What an upgrade of one node may touch in the engine's change summary: only that node's own
 * resources, and among them only the instance (and its volume attachment, or an agent pool's
 * launch template and group) may be replaced. A data volume, a network interface or anything
 * of another node being replaced or deleted means the plan is not what the rollout intended.
 */
record NodeScope(String resourcePrefix) {

    private static final Set<String> REPLACEABLE = Set.of(
            "aws:ec2/instance:Instance", "aws:ec2/volumeAttachment:VolumeAttachment",
            "aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group");
    private static final Set<ResourceOp> REPLACING = Set.of(ResourceOp.REPLACE, ResourceOp.CREATE_REPLACEMENT, ResourceOp.DELETE_REPLACED);

    /** The steps that break the scope; empty when the change is exactly the node's. */
    List<ResourceStep> violations(StackChanges changes) {
        return changes.steps().stream().filter(s -> s.op().changes()).filter(s -> !allowed(s)).toList();
    }

    private boolean allowed(ResourceStep step) {
        if (step.type().equals("pulumi:pulumi:Stack")) {
            return step.op() == ResourceOp.UPDATE; // outputs such as nodeVersions change
        }
        boolean own = step.name().equals(resourcePrefix) || step.name().startsWith(resourcePrefix + "-");
        if (!own) {
            return false;
        }
        return step.op() == ResourceOp.UPDATE || (REPLACING.contains(step.op()) && REPLACEABLE.contains(step.type()));
    }
}
