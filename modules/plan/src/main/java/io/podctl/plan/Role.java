package io.podctl.plan;

/** What a host runs. Control roles come in threes; agents come in pools. */
public enum Role {
    ZOOKEEPER("zookeeper", "zk"),
    MESOS_MASTER("mesos-master", "master"),
    MARATHON("marathon", "marathon"),
    MESOS_AGENT("mesos-agent", "agent");

    private final String wire;
    private final String shortName;

    Role(String wire, String shortName) {
        this.wire = wire;
        this.shortName = shortName;
    }

    /** As written in tags and output: zookeeper, mesos-master, marathon, mesos-agent. */
    public String wire() {
        return wire;
    }

    /** As used in node and DNS names: zk-1, master-2, marathon-3. */
    public String shortName() {
        return shortName;
    }

    public static final java.util.List<Role> CONTROL = java.util.List.of(ZOOKEEPER, MESOS_MASTER, MARATHON);
}
