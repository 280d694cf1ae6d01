package io.podctl.plan.render;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import io.podctl.spec.model.Artifact;
import io.podctl.spec.model.ArtifactManifest;
import java.util.List;

/** Flags, the pinned install and the unit of a Marathon instance, and the libmesos it loads. */
final class MarathonFiles {
    /** Where the Mesos package puts the library Marathon's scheduler driver loads. */
    static final String LIBMESOS = "/usr/lib/libmesos.so";

    private MarathonFiles() {}

    static void addTo(Bootstrap bootstrap, PodPlan plan, Host host) {
        String version = host.versions().marathon();
        Artifact artifact = plan.artifacts().find(ArtifactManifest.MARATHON, version).orElse(null);
        String java8 = ImageContract.DEBIAN_12.java8Home();
        MarathonModel model = new MarathonModel(plan.pod(), version, ZooKeeperFiles.endpoints(plan),
                plan.dnsNameFor(host, Role.MARATHON), Ports.MARATHON, PodSecrets.has(plan, PodSecrets.MARATHON_HTTP_CREDENTIALS),
                Ports.MARATHON_LIBPROCESS, java8, LIBMESOS, PodSecrets.fileOf(plan, PodSecrets.MARATHON_MESOS_SECRET));
        if (!host.runs(Role.MESOS_MASTER) && artifact != null && artifact.libmesos() != null) {
            // a dedicated Marathon host has no Mesos of its own: the package brings libmesos, none of its daemons run
            MesosInstall.addTo(bootstrap, plan, artifact.libmesos(), List.of("mesos-master.service", "mesos-slave.service"));
        }
        bootstrap.file(Layout.STANDARD.marathonFlags(), Bootstrap.CONFIG, "marathon/marathon.flags.ftl", model)
                .step("install-marathon", "install Marathon " + version, "install-marathon", "marathon/install-marathon.sh.ftl",
                        new InstallModel(version, artifact, null, List.of(), java8), "20min")
                .service("marathon.service", "marathon/marathon.service.ftl", model);
    }
}
