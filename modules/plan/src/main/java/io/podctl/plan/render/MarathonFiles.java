package io.podctl.plan.render;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;

/** Flags, the pinned install and the unit of a Marathon instance. */
final class MarathonFiles {
    private MarathonFiles() {}

    static void addTo(Bootstrap bootstrap, PodPlan plan, Host host) {
        MarathonModel model = new MarathonModel(plan.pod(), host.versions().marathon(), ZooKeeperFiles.endpoints(plan),
                plan.dnsNameFor(host, Role.MARATHON), Ports.MARATHON, PodSecrets.has(plan, PodSecrets.MARATHON_HTTP_CREDENTIALS));
        bootstrap.file(Layout.STANDARD.marathonFlags(), Bootstrap.CONFIG, "marathon/marathon.flags.ftl", model)
                .installer("install-marathon", "marathon/install-marathon.sh.ftl", model)
                .service("marathon.service", "marathon/marathon.service.ftl", model);
    }
}
