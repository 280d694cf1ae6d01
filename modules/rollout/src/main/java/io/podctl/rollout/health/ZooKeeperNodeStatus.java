package io.podctl.rollout.health;

import java.util.OptionalInt;

/**
 * One server as seen through {@code srvr} (and {@code mntr} when it leads).
 *
 * @param version         release reported by srvr, blank when not serving or unreachable
 * @param syncedFollowers leader only, from mntr; empty for followers or when mntr is refused
 * @param problem         why something is unknown, blank when nothing went wrong
 */
public record ZooKeeperNodeStatus(Endpoint endpoint, ZooKeeperMode mode, String version, long zxid,
                                  OptionalInt syncedFollowers, String problem) {

    static ZooKeeperNodeStatus unreachable(Endpoint endpoint, String problem) {
        return new ZooKeeperNodeStatus(endpoint, ZooKeeperMode.UNREACHABLE, "", -1, OptionalInt.empty(), problem);
    }

    public boolean inQuorum() {
        return mode.inQuorum();
    }

    String describe() {
        String text = mode.name().toLowerCase();
        if (!version.isEmpty()) {
            text += " " + version;
        }
        return problem.isEmpty() ? text : text + " (" + problem + ")";
    }
}
