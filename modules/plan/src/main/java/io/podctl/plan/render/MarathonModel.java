package io.podctl.plan.render;

import java.util.List;

/**
 * The flags and environment of one Marathon instance. All instances share the same ZooKeeper
 * state node, which makes them one HA group.
 *
 * @param hostname        the name standbys use to proxy requests to this instance when it leads
 * @param httpCredentials whether a boot-fetched credentials secret protects the HTTP API
 * @param libprocessPort  where its libmesos driver listens for the masters (LIBPROCESS_PORT)
 * @param javaHome        the image's Java 8
 * @param libmesos        the libmesos its driver loads (MESOS_NATIVE_JAVA_LIBRARY)
 */
public record MarathonModel(
        String pod,
        String version,
        List<ZooKeeperEndpoint> zookeeper,
        String hostname,
        int httpPort,
        boolean httpCredentials,
        int libprocessPort,
        String javaHome,
        String libmesos) {

    public MarathonModel {
        zookeeper = List.copyOf(zookeeper);
    }
}
