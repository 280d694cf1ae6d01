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
 * @param mesosSecretFile the boot-fetched secret of its Mesos principal, or null: then it registers unauthenticated
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
        String libmesos,
        String mesosSecretFile) {

    /** The principal Marathon registers as; the masters' credentials file must hold it. */
    public static final String MESOS_PRINCIPAL = "marathon";

    public String mesosPrincipal() {
        return MESOS_PRINCIPAL;
    }

    public MarathonModel {
        zookeeper = List.copyOf(zookeeper);
    }
}
