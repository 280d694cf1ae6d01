package io.podctl.plan.render;

import java.util.List;
import java.util.Map;

/** The boot steps roles build on: the image check, the data volume, instance facts, secrets. */
final class HostBasics {
    private HostBasics() {}

    /** First step: the instance runs the image podctl renders for, with what the host's roles need. */
    static void imageCheck(Bootstrap bootstrap, List<ImageContract.Check> checks) {
        bootstrap.step("image", "check the base image (images/README.md)", "check-image", "host/check-image.sh.ftl",
                Map.of("image", ImageContract.DEBIAN_12, "checks", checks), "1min");
    }

    /** Formats (first boot of a new volume only) and mounts the data volume before any role starts. */
    static void dataVolume(Bootstrap bootstrap) {
        bootstrap.step("data-volume", "mount the data volume on " + Layout.STANDARD.dataMount(), "mount-data-volume",
                "host/mount-data-volume.sh.ftl", Map.of(), "15min");
    }

    /**
     * Writes the instance's address and zone from IMDSv2 at every boot, and the launcher that
     * puts them into flag files: they are unknown when the plan is made (agents in an auto
     * scaling group, hosts in existing subnets).
     */
    static void instanceFacts(Bootstrap bootstrap) {
        bootstrap.script("exec-with-flags", "host/exec-with-flags.sh.ftl", Map.of())
                .step("instance-facts", "write this instance's address and zone from IMDSv2", "instance-facts",
                        "host/instance-facts.sh.ftl", Map.of(), "5min");
    }

    /** Fetches the given secrets with the instance role at every boot onto tmpfs. */
    static void secrets(Bootstrap bootstrap, String region, List<SecretFetch> secrets) {
        if (secrets.isEmpty()) {
            return;
        }
        bootstrap.step("secrets", "fetch this host's secrets into " + Layout.STANDARD.secretsRoot(), "fetch-secrets",
                "host/fetch-secrets.sh.ftl", Map.of("region", region, "secrets", secrets), "10min");
    }

    /** The download-and-verify helper every install step uses. */
    static void artifacts(Bootstrap bootstrap, String region) {
        bootstrap.script("fetch-artifact", "host/fetch-artifact.sh.ftl", Map.of("region", region));
    }
}
