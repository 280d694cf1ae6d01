package io.podctl.rollout.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The leading Mesos master's agent and maintenance calls that draining needs. Machines are
 * named by hostname and IP together: Mesos matches a maintenance window to an agent only when
 * both equal what the agent registered with, and silently accepts machines it does not know.
 */
public interface AgentMaintenance {

    /** One machine as Mesos maintenance names it. */
    record Machine(String hostname, String ip) {
    }

    /**
     * One agent as the master knows it ({@code GET_AGENTS}).
     *
     * @param drainState {@code DRAINING}, {@code DRAINED}, or blank when no drain was asked for
     */
    record Agent(String id, Machine machine, String version, boolean active, boolean deactivated, String drainState,
                 Map<String, String> attributes) {

        public Agent {
            attributes = Map.copyOf(attributes);
        }

        public String pool() {
            return attributes.getOrDefault("pool", "");
        }
    }

    /** Every registered agent. */
    List<Agent> agents() throws IOException;

    /** The leading master's Mesos version ({@code GET_VERSION}): {@code DRAIN_AGENT} needs 1.9. */
    String masterVersion() throws IOException;

    /** Announces the machines' unavailability (the whole schedule is replaced). */
    void schedule(List<Machine> machines, Instant start, Duration duration) throws IOException;

    /** Posts an empty schedule: the draining machines return to Up mode. */
    void clearSchedule() throws IOException;

    /**
     * The frameworks' answers to the inverse offers for a draining machine, by framework id:
     * {@code ACCEPT}, {@code DECLINE} or {@code UPDATE} ({@code GET /master/maintenance/status}).
     */
    Map<String, String> inverseOfferAnswers(Machine machine) throws IOException;

    /** Takes draining machines down: their agents are removed, every task still there becomes LOST. */
    void down(List<Machine> machines) throws IOException;

    /** Ends maintenance of down machines: they leave the schedule and may register again. */
    void up(List<Machine> machines) throws IOException;

    /** {@code DRAIN_AGENT} (Mesos 1.9+): kills the agent's tasks gracefully, then, with markGone, marks it gone. */
    void drain(String agentId, Duration maxGracePeriod, boolean markGone) throws IOException;

    /** {@code MARK_AGENT_GONE}: a replaced agent will not come back, so its tasks are relaunched elsewhere. */
    void markGone(String agentId) throws IOException;
}
