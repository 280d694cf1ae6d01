package io.podctl.plan.render;

import java.util.List;

/**
 * The base image podctl renders for, built by {@code images/build-image} and checked by every
 * host's first boot step ({@code check-image}): a wrong AMI fails there, with the reason.
 *
 * <ul>
 *   <li>Debian 12: the release the team's Mesos .deb is built for and the VM tests boot;</li>
 *   <li>the cgroup v1 hierarchy (kernel command line {@code systemd.unified_cgroup_hierarchy=0}):
 *       Mesos 1.11 agents' cgroups isolators and Docker support need it;</li>
 *   <li>Java 17 for ZooKeeper (Debian's openjdk-17-jre-headless); Java 8 for Marathon 1.11, whose
 *       docs name Java 8 and whose builds target it (a JRE 8 from the mirror under {@code java8Home},
 *       Debian 12 ships none), so ZooKeeper's Java 17 never ends up serving Marathon;</li>
 *   <li>Docker on agents; the AWS CLI, curl and iptables everywhere.</li>
 * </ul>
 */
public record ImageContract(String osId, String osVersion, String java17Home, String java8Home, List<String> tools) {

    public static final ImageContract DEBIAN_12 = new ImageContract("debian", "12",
            "/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-8", List.of("aws", "curl", "iptables", "tar", "sha256sum", "sha512sum"));

    public ImageContract {
        tools = List.copyOf(tools);
    }

    /** One more thing a role needs from the image: a shell test and what to say when it fails. */
    public record Check(String test, String problem) {}

    Check cgroupV1() {
        return new Check("[[ -d /sys/fs/cgroup/memory && ! -f /sys/fs/cgroup/cgroup.controllers ]]",
                "the cgroup v1 hierarchy is not mounted (boot with systemd.unified_cgroup_hierarchy=0)");
    }

    Check docker() {
        return new Check("command -v docker >/dev/null", "docker is missing (agents run Docker tasks)");
    }

    Check java17() {
        return new Check("[[ -x " + java17Home + "/bin/java ]]", "Java 17 is missing at " + java17Home + " (ZooKeeper runs on it)");
    }

    Check java8() {
        return new Check("[[ -x " + java8Home + "/bin/java ]]", "Java 8 is missing at " + java8Home + " (Marathon 1.11 runs on it)");
    }
}
