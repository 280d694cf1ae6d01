package io.podctl.plan;

import java.util.List;

/**
 * One security group. Ingress comes only from the pod's own groups or the admin CIDRs; egress
 * is open (hosts fetch packages, secrets and reach AWS APIs).
 *
 * @param key  the role group's key: pod, zookeeper, mesos-master, marathon, mesos-agent
 */
public record SecurityGroupPlan(String key, String name, String description, List<Ingress> ingress) {

    /** Exactly one of {@code fromGroup} (a group key) and {@code cidr} is set. */
    public record Ingress(String protocol, int fromPort, int toPort, String fromGroup, String cidr, String description) {}

    public SecurityGroupPlan {
        ingress = List.copyOf(ingress);
    }
}
