package io.podctl.plan.render;

import io.podctl.plan.PodPlan;
import io.podctl.spec.model.ArtifactManifest;
import java.util.List;

/** The Mesos package step: masters and agents run it, dedicated Marathon hosts for libmesos. */
final class MesosInstall {
    static final String STEP = "install-mesos";

    private MesosInstall() {}

    /** Adds the step unless the host already has it (a shared host's master added it first). */
    static void addTo(Bootstrap bootstrap, PodPlan plan, String version, List<String> packageUnitsOff) {
        if (bootstrap.hasStep(STEP)) {
            return;
        }
        InstallModel install = new InstallModel(version, plan.artifacts().find(ArtifactManifest.MESOS, version).orElse(null), null,
                packageUnitsOff, null);
        bootstrap.step(STEP, "install Mesos " + version, STEP, "mesos/install-mesos.sh.ftl", install, "20min");
    }
}
