package io.podctl.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A control host (ZooKeeper, Mesos master, Marathon or all three when shared). Its identity
 * outlives any instance: the network interface with its private IP, the data volume and the
 * DNS names move to a replacement instance.
 *
 * @param node      the node name inside the pod: zk-1, master-2, marathon-3, or control-1 when shared
 * @param index     1..3, also ZooKeeper's myid on hosts that run ZooKeeper
 * @param privateIp the fixed address, or null when an existing subnet assigns it (the interface keeps it)
 * @param dnsNames  every name of the host in the pod's private zone (a shared host has one per role)
 * @param files     the rendered configuration the host writes at boot
 * @param userData  the cloud-init document; a change replaces the instance
 */
public record Host(
        String name,
        String node,
        int index,
        Set<Role> roles,
        String zone,
        String privateIp,
        List<String> dnsNames,
        String instanceType,
        int dataVolumeGiB,
        NodeVersions versions,
        Map<String, String> tags,
        List<RenderedFile> files,
        String userData) {

    public Host {
        roles = Set.copyOf(roles);
        dnsNames = List.copyOf(dnsNames);
        tags = Map.copyOf(tags);
        files = List.copyOf(files);
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /** The first DNS name: the one peers use. */
    public String dnsName() {
        return dnsNames.get(0);
    }

    public Host withConfig(List<RenderedFile> newFiles, String newUserData) {
        return new Host(name, node, index, roles, zone, privateIp, dnsNames, instanceType, dataVolumeGiB, versions, tags, newFiles, newUserData);
    }
}
