package io.podctl.aws.inventory;

/** The EC2 tags by which podctl finds a pod's hosts; the infra program sets them. */
public final class PodTags {

    public static final String POD = "podctl:pod";
    public static final String ROLE = "podctl:role";
    public static final String NODE = "podctl:node";

    /** The versions a host runs, e.g. {@code zookeeper=3.8.4,mesos=1.11.0} (see NodeVersions.tag()). */
    public static final String VERSION = "podctl:versions";

    private PodTags() {}
}
