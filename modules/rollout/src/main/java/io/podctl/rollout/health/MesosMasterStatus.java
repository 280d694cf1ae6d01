package io.podctl.rollout.health;

/**
 * One Mesos master as its own {@code /metrics/snapshot} describes it.
 *
 * @param reachable    the snapshot was read; when false the other fields are zero/false
 * @param elected      {@code master/elected} = 1
 * @param logRecovered {@code registrar/log/recovered} = 1: its replicated log caught up
 * @param problem      why something is unknown, blank when nothing went wrong
 */
public record MesosMasterStatus(Endpoint endpoint, boolean reachable, boolean elected, boolean logRecovered,
                                double uptimeSecs, String problem) {

    static MesosMasterStatus unreachable(Endpoint endpoint, String problem) {
        return new MesosMasterStatus(endpoint, false, false, false, 0, problem);
    }

    String describe() {
        if (!reachable) {
            return "unreachable (" + problem + ")";
        }
        return (elected ? "elected" : "standby") + ", log " + (logRecovered ? "recovered" : "NOT recovered")
                + ", up " + (long) uptimeSecs + " s" + (problem.isEmpty() ? "" : " (" + problem + ")");
    }
}
