package io.podctl.plan.render;

import java.util.List;

/**
 * The flags of one Marathon instance. All instances share the same ZooKeeper state node, which
 * makes them one HA group.
 *
 * @param hostname        the name standbys use to proxy requests to this instance when it leads
 * @param httpCredentials whether a boot-fetched credentials secret protects the HTTP API
 */
public record MarathonModel(
        String pod,
        String version,
        List<ZooKeeperEndpoint> zookeeper,
        String hostname,
        int httpPort,
        boolean httpCredentials) {

    public MarathonModel {
        zookeeper = List.copyOf(zookeeper);
    }
}
