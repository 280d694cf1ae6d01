package io.podctl.rollout.run;

import io.podctl.plan.PodPlan;
import java.util.Optional;

/** Where to reach one pod's services: its health probes and, when it has agents, the maintenance API. */
public interface PodTargets {

    PodHealth health(PodPlan pod);

    Optional<AgentMaintenance> maintenance(PodPlan pod);
}
