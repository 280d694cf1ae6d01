package io.podctl.plan.render;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import java.util.List;

/** Flags, the pinned install and the unit of a Mesos master. */
final class MesosMasterFiles {
    private MesosMasterFiles() {}

    static void addTo(Bootstrap bootstrap, PodPlan plan, Host host) {
        Layout layout = Layout.STANDARD;
        int masters = plan.hostsRunning(Role.MESOS_MASTER).size();
        MesosMasterModel model = new MesosMasterModel(plan.pod(), host.versions().mesos(), ZooKeeperFiles.endpoints(plan),
                masters / 2 + 1, plan.dnsNameFor(host, Role.MESOS_MASTER), Ports.MESOS_MASTER, layout.masterWorkDir(),
                PodSecrets.fileOf(plan, PodSecrets.MESOS_CREDENTIALS));
        bootstrap.file(layout.masterFlags(), Bootstrap.CONFIG, "mesos/master.flags.ftl", model);
        MesosInstall.addTo(bootstrap, plan, model.version(), List.of("mesos-slave.service"));
        bootstrap.service("mesos-master.service", "mesos/mesos-master.service.ftl", model);
    }
}
