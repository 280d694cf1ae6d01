package io.podctl.plan.render;

import java.util.List;

/**
 * The flags of one Mesos master.
 *
 * @param quorum   replicated-log quorum: more than half of the masters
 * @param hostname        the master's own DNS name; the advertised IP comes from IMDS at boot
 * @param credentialsFile the boot-fetched credentials file on tmpfs, or null: then nobody authenticates
 */
public record MesosMasterModel(
        String pod,
        String version,
        List<ZooKeeperEndpoint> zookeeper,
        int quorum,
        String hostname,
        int port,
        String workDir,
        String credentialsFile) {

    public MesosMasterModel {
        zookeeper = List.copyOf(zookeeper);
    }
}
