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
    /**
     * Marathon's libmesos scheduler driver (LIBPROCESS_PORT): masters connect back to it with
     * offers. Unset, it would be an ephemeral port no security group could admit.
     */
    public static final int MARATHON_LIBPROCESS = 15101;
    /** Mesos agents offer this range to tasks (the agent's default ports resource): Marathon's health checks and task-to-task traffic. */
    public static final int TASKS_FIRST = 31000;
    public static final int TASKS_LAST = 32000;
    public static final int SSH = 22;

    private Ports() {}
}
