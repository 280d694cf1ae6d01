package io.podctl.rollout.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Draining agents through the Mesos maintenance primitives, as the operations notes require. */
public interface AgentMaintenance {

    /** One machine as Mesos maintenance names it. */
    record Machine(String hostname, String ip) {
    }

    /** Announces the machines' unavailability (the whole schedule is replaced). */
    void schedule(List<Machine> machines, Instant start, Duration duration) throws IOException;

    /** Takes draining machines down: their tasks become LOST, the agent may be replaced. */
    void down(List<Machine> machines) throws IOException;

    /** Brings them back: offers resume, the machines leave the schedule. */
    void up(List<Machine> machines) throws IOException;
}
