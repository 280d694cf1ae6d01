package io.podctl.plan;

import java.util.List;
import java.util.Map;

/**
 * One agent pool: a launch template and an auto scaling group over the pod's zones. Agents
 * learn their zone at boot (instance metadata) and add it as the Mesos attribute zone:<az>.
 *
 * @param countPerZone the round-robin spread the group is expected to keep
 * @param attributes   the pool's own Mesos attributes plus pod:<name>; zone is added at boot
 */
public record AgentGroup(
        String name,
        String pool,
        String instanceType,
        int count,
        List<String> zones,
        Map<String, Integer> countPerZone,
        Map<String, String> attributes,
        String mesosVersion,
        Map<String, String> tags,
        List<RenderedFile> files,
        String userData) {

    public AgentGroup {
        zones = List.copyOf(zones);
        countPerZone = Map.copyOf(countPerZone);
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
        files = List.copyOf(files);
    }

    public AgentGroup withConfig(List<RenderedFile> newFiles, String newUserData) {
        return new AgentGroup(name, pool, instanceType, count, zones, countPerZone, attributes, mesosVersion, tags, newFiles, newUserData);
    }
}
