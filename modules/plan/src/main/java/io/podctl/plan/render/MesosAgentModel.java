package io.podctl.plan.render;

import java.util.List;

/**
 * The flags of the agents of one pool. Agents are interchangeable members of an auto scaling
 * group: what differs between them (address, zone) is learnt at boot.
 *
 * @param attributes     the pool's attributes and pod:<name>; the zone attribute is added at boot
 * @param credentialFile the boot-fetched credential the agent registers with, or null
 */
public record MesosAgentModel(
        String pod,
        String pool,
        String version,
        List<ZooKeeperEndpoint> zookeeper,
        int port,
        String workDir,
        List<String> containerizers,
        List<Attribute> attributes,
        String credentialFile) {

    public record Attribute(String name, String value) {}

    public MesosAgentModel {
        zookeeper = List.copyOf(zookeeper);
        containerizers = List.copyOf(containerizers);
        attributes = List.copyOf(attributes);
    }
}
