package io.podctl.rollout.health;

/** What a ZooKeeper server says it is, plus the two ways it can fail to say. */
public enum ZooKeeperMode {
    LEADER, FOLLOWER, OBSERVER, STANDALONE, READ_ONLY,
    /** Answers, but "This ZooKeeper instance is not currently serving requests": outside the quorum. */
    NOT_SERVING,
    /** No answer on the client port (down, starting, or the network). */
    UNREACHABLE;

    /** Leader, follower or observer: part of a serving ensemble. */
    public boolean inQuorum() {
        return this == LEADER || this == FOLLOWER || this == OBSERVER;
    }

    static ZooKeeperMode fromSrvr(String mode) {
        return switch (mode.trim()) {
            case "leader" -> LEADER;
            case "follower" -> FOLLOWER;
            case "observer" -> OBSERVER;
            case "standalone" -> STANDALONE;
            case "read-only" -> READ_ONLY;
            default -> throw new IllegalArgumentException("unknown ZooKeeper mode '" + mode + "'");
        };
    }
}
