package io.podctl.plan.render;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import java.util.List;
import io.podctl.spec.model.ArtifactManifest;
import java.util.Map;

/** zoo.cfg, myid, the pinned install and the unit of a ZooKeeper ensemble member. */
final class ZooKeeperFiles {
    /** 2 s ticks: Mesos' and Marathon's 10 s session timeouts fall inside ZooKeeper's 2..20 tick range. */
    static final int TICK_TIME_MS = 2000;
    /** A follower gets 20 s to sync with a new leader (snapshots of a small pod's state are small). */
    static final int INIT_LIMIT_TICKS = 10;
    /** A follower more than 10 s behind is dropped from the quorum. */
    static final int SYNC_LIMIT_TICKS = 5;
    /** srvr tells leader/follower, mntr the sync state, ruok liveness: what the rollout's probes ask. */
    static final List<String> FOUR_LETTER_WORDS = List.of("srvr", "mntr", "ruok");

    /**
     * ZooKeeper starts once its own install step succeeded (the steps before it are its chain),
     * not after every step: on a shared host a failed Mesos or Marathon install leaves the
     * ensemble member serving, so one bad release of them cannot cost the pod its quorum.
     */
    static final String INSTALL_STEP = "podctl-install-zookeeper.service";

    private ZooKeeperFiles() {}

    static void addTo(Bootstrap bootstrap, PodPlan plan, Host host) {
        Layout layout = Layout.STANDARD;
        List<ZooKeeperModel.Server> servers = plan.hostsRunning(Role.ZOOKEEPER).stream()
                .map(h -> new ZooKeeperModel.Server(h.index(), plan.dnsNameFor(h, Role.ZOOKEEPER),
                        Ports.ZOOKEEPER_QUORUM, Ports.ZOOKEEPER_ELECTION))
                .toList();
        ZooKeeperModel model = new ZooKeeperModel(plan.pod(), host.versions().zookeeper(), host.index(), TICK_TIME_MS,
                INIT_LIMIT_TICKS, SYNC_LIMIT_TICKS, layout.zooDataDir(), Ports.ZOOKEEPER_CLIENT, Ports.ZOOKEEPER_ADMIN,
                servers, FOUR_LETTER_WORDS);
        String version = host.versions().zookeeper();
        InstallModel install = new InstallModel(version, plan.artifacts().find(ArtifactManifest.ZOOKEEPER, version).orElse(null),
                layout.zooCfg().substring(0, layout.zooCfg().lastIndexOf('/')), List.of(), null);
        bootstrap.file(layout.zooCfg(), Bootstrap.CONFIG, "zookeeper/zoo.cfg.ftl", model)
                .file(layout.zooMyid(), Bootstrap.CONFIG, "zookeeper/myid.ftl", model)
                .step("install-zookeeper", "install ZooKeeper " + version, "install-zookeeper", "zookeeper/install-zookeeper.sh.ftl",
                        install, "20min")
                .service("zookeeper.service", "zookeeper/zookeeper.service.ftl",
                        Map.of("zk", model, "javaHome", ImageContract.DEBIAN_12.java17Home(), "installStep", INSTALL_STEP));
    }

    /** The ensemble as its clients (Mesos, Marathon) address it. */
    static List<ZooKeeperEndpoint> endpoints(PodPlan plan) {
        return plan.hostsRunning(Role.ZOOKEEPER).stream()
                .map(h -> new ZooKeeperEndpoint(plan.dnsNameFor(h, Role.ZOOKEEPER), Ports.ZOOKEEPER_CLIENT))
                .toList();
    }

}
