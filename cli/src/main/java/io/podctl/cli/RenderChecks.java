package io.podctl.cli;

import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.UserData;
import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.validate.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules only a rendered pod can break (today: EC2's user-data limit), checked by validate, plan
 * and every command that deploys, so an oversized host fails before anything is provisioned.
 */
final class RenderChecks {
    private RenderChecks() {}

    /** The set with a finding at each pod's name for every host EC2 would refuse; planned only when the specs are clean. */
    static SpecSet addFindings(SpecSet set) {
        if (set.hasErrors()) {
            return set;
        }
        List<Finding> findings = new ArrayList<>(set.findings());
        for (LoadedPod loaded : set.pods()) {
            for (UserData.Oversized over : UserData.oversized(PodPlanner.plan(loaded.pod()))) {
                findings.add(Finding.error(loaded.where().at("metadata.name"), over.toString()));
            }
        }
        return new SpecSet(set.pods(), findings, set.filesRead());
    }

    /** Refuses a plan EC2 would refuse (exit 2), naming each host and its size. */
    static PodPlan requireDeployable(PodPlan plan) {
        List<UserData.Oversized> over = UserData.oversized(plan);
        if (!over.isEmpty()) {
            throw new UserError(String.join("\n", over.stream().map(Object::toString).toList()) + "; nothing was provisioned");
        }
        return plan;
    }
}
