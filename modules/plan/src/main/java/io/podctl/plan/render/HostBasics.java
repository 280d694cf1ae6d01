package io.podctl.plan.render;

import java.util.List;
import java.util.Map;

/** The plumbing roles build on: the data volume, boot-time instance facts, boot-fetched secrets. */
final class HostBasics {
    private HostBasics() {}

    /** Formats (first boot of a new volume only) and mounts the data volume before any role starts. */
    static void dataVolume(Bootstrap bootstrap) {
        bootstrap.script("mount-data-volume", "host/mount-data-volume.sh.ftl", Map.of())
                .service("podctl-data-volume.service", "host/podctl-data-volume.service.ftl", Map.of());
    }

    /**
     * Writes the instance's address and zone from IMDSv2 at every boot, and the launcher that
     * puts them into flag files: they are unknown when the plan is made (agents in an auto
     * scaling group, hosts in existing subnets).
     */
    static void instanceFacts(Bootstrap bootstrap) {
        bootstrap.script("instance-facts", "host/instance-facts.sh.ftl", Map.of())
                .script("exec-with-flags", "host/exec-with-flags.sh.ftl", Map.of())
                .service("podctl-instance-facts.service", "host/podctl-instance-facts.service.ftl", Map.of());
    }

    /** Fetches the given secrets with the instance role at every boot onto tmpfs. */
    static void secrets(Bootstrap bootstrap, String region, List<SecretFetch> secrets) {
        if (secrets.isEmpty()) {
            return;
        }
        Map<String, Object> model = Map.of("region", region, "secrets", secrets);
        bootstrap.script("fetch-secrets", "host/fetch-secrets.sh.ftl", model)
                .service("podctl-secrets.service", "host/podctl-secrets.service.ftl", Map.of());
    }
}
