package io.podctl.plan;

/** The ports a pod uses. ZooKeeper's AdminServer moves off 8080, where Marathon listens. */
public final class Ports {
    public static final int ZOOKEEPER_CLIENT = 2181;
    public static final int ZOOKEEPER_QUORUM = 2888;
    public static final int ZOOKEEPER_ELECTION = 3888;
    /** AdminServer defaults to 8080 and would collide with Marathon on a shared host. */
    public static final int ZOOKEEPER_ADMIN = 8081;
    public static final int MESOS_MASTER = 5050;
    public static final int MESOS_AGENT = 5051;
    public static final int MARATHON = 8080;
    public static final int SSH = 22;

    private Ports() {}
}
