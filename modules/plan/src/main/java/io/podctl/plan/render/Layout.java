package io.podctl.plan.render;

/**
 * Where bootstrap files live on a host. Java names the paths of the files it renders and the
 * templates read the same record (shared variable {@code layout}), so a unit and the file it
 * starts can never disagree about a path.
 *
 * @param dataVolumeDevice the device name the data volume is attached as (Nitro hosts see it as NVMe)
 * @param dataVolumeLabel  the filesystem label: mounts find the volume by it once it is formatted
 * @param dataMount        the data volume's mount point; everything stateful of a control host lives below it
 * @param instanceEnv      boot-time facts from IMDSv2 (PRIVATE_IP, AVAILABILITY_ZONE, LOCAL_HOSTNAME)
 * @param secretsRoot      tmpfs directory of boot-fetched secret values, one sub-directory per service
 */
public record Layout(
        String dataVolumeDevice,
        String dataVolumeLabel,
        String dataMount,
        String libexec,
        String units,
        String instanceEnv,
        String secretsRoot,
        String zooCfg,
        String zooMyid,
        String zooDataDir,
        String masterFlags,
        String masterWorkDir,
        String agentFlags,
        String agentWorkDir,
        String marathonFlags) {

    public static final Layout STANDARD = new Layout(
            "/dev/xvdf",
            "pod-data",
            "/var/lib/pod",
            "/usr/local/lib/podctl",
            "/etc/systemd/system",
            "/run/podctl/instance.env",
            "/run/podctl/secrets",
            "/etc/zookeeper/zoo.cfg",
            "/etc/zookeeper/myid",
            "/var/lib/pod/zookeeper",
            "/etc/mesos-master/flags",
            "/var/lib/pod/mesos-master",
            "/etc/mesos-agent/flags",
            // agents have no data volume: their work dir only has to survive agent restarts
            "/var/lib/mesos-agent",
            "/etc/marathon/flags");

    /** A script of ours, e.g. {@code /usr/local/lib/podctl/install-zookeeper}. */
    public String script(String name) {
        return libexec + "/" + name;
    }

    /** A systemd unit file, e.g. {@code /etc/systemd/system/zookeeper.service}. */
    public String unit(String name) {
        return units + "/" + name;
    }
}
