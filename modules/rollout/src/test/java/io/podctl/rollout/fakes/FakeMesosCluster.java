package io.podctl.rollout.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agents, maintenance state and Marathon tasks of one fake pod, served by the leading
 * {@link FakeMesosMaster} and by {@link FakeMarathon}. It behaves as the Mesos maintenance and
 * draining docs describe: a machine matches an agent only when hostname (case-insensitively) and
 * IP both match, an unknown machine is accepted silently, {@code /machine/down} removes the
 * machine's agents with every task on them LOST, {@code DRAIN_AGENT} kills them gracefully and
 * (with mark_gone) removes the agent once drained. Marathon relaunches a lost or killed task on
 * an active agent outside maintenance; it is staged for a few reads before it runs.
 *
 * <p>Bodies follow the fixtures: maintenance requests and status as in
 * {@code mesos/maintenance_schedule.example.json}, {@code machine_down_up.request.example.json},
 * {@code v1_get_maintenance_status.response.json}; apps as in {@code marathon/v2_apps.json}; the
 * version as in {@code v1_get_version.response.json}. No GET_AGENTS sample is in the fixtures:
 * its agents are written with the fields of the operator API doc's example (agent_info.hostname,
 * agent_info.id.value, pid, active, deactivated, version, drain_info.state).
 */
public final class FakeMesosCluster {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One registered agent. */
    public static final class Agent {
        final String id;
        final String hostname;
        final String ip;
        final String pool;
        final String version;
        boolean deactivated;
        String drainState = "";
        boolean markGoneWhenDrained;
        int drainedAfterReads;

        Agent(String id, String hostname, String ip, String pool, String version) {
            this.id = id;
            this.hostname = hostname;
            this.ip = ip;
            this.pool = pool;
            this.version = version;
        }

        public String id() {
            return id;
        }

        public String ip() {
            return ip;
        }

        public String hostname() {
            return hostname;
        }

        public String version() {
            return version;
        }

        boolean is(JsonNode machine) {
            return machine.path("hostname").asText("").equalsIgnoreCase(hostname) && machine.path("ip").asText("").equals(ip);
        }
    }

    /** One Marathon task: where it runs and for how many more reads it stays staged. */
    private static final class Task {
        final String app;
        String agent;
        int stagedReads;

        Task(String app, String agent, int stagedReads) {
            this.app = app;
            this.agent = agent;
            this.stagedReads = stagedReads;
        }
    }

    private final List<Agent> agents = new ArrayList<>();
    /** The pool's instances by private IP, registered or not. */
    private final Map<String, String> instancePools = new LinkedHashMap<>();
    private final Map<String, Integer> apps = new LinkedHashMap<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<JsonNode> scheduled = new ArrayList<>();
    private final List<JsonNode> down = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> inverseOfferAccepting = new LinkedHashSet<>();
    private String masterVersion = "1.11.0";
    private int agentSerial;
    private int lost;
    private int killed;
    private int expectedAgents;

    public synchronized FakeMesosCluster masterVersion(String version) {
        this.masterVersion = version;
        return this;
    }

    /** Marathon (framework id from the fixtures' shape) answers ACCEPT to inverse offers; by default it does not answer. */
    public synchronized FakeMesosCluster marathonAcceptsInverseOffers() {
        inverseOfferAccepting.add("marathon");
        return this;
    }

    /** Registers a new agent of the pool, as an instance booting from the pool's launch template. */
    public synchronized Agent register(String pool, String version) {
        agentSerial++;
        Agent agent = new Agent("3669ea49-c3c4-4b13-adee-05b8f9cb2562-S" + agentSerial, "ip-10-0-1-" + (10 + agentSerial) + ".ec2.internal",
                "10.0.1." + (10 + agentSerial), pool, version);
        agents.add(agent);
        instancePools.put(agent.ip, pool);
        expectedAgents = Math.max(expectedAgents, agents.size());
        events.add("registered " + agent.hostname);
        return agent;
    }

    /** A Marathon app with {@code instances} tasks spread over the active agents. */
    public synchronized FakeMesosCluster app(String id, int instances) {
        apps.put(id, instances);
        for (int i = 0; i < instances; i++) {
            tasks.add(new Task(id, usable().get(i % usable().size()).id, 0));
        }
        return this;
    }

    public synchronized List<Agent> agents() {
        return List.copyOf(agents);
    }

    public synchronized int tasksLost() {
        return lost;
    }

    public synchronized int tasksKilledGracefully() {
        return killed;
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Agents taken down (drained, downed, terminated) while another agent was not serving or the pool was short. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized int tasksOn(String agentId) {
        return (int) tasks.stream().filter(t -> t.agent.equals(agentId)).count();
    }

    /** The instance at {@code ip} is terminated and the group launches a replacement at {@code version}. */
    public synchronized void replaceInstance(String ip, String version) {
        String pool = instancePools.remove(ip);
        if (pool == null) {
            throw new IllegalStateException("no agent instance at " + ip);
        }
        events.add("terminated " + ip);
        Agent old = agents.stream().filter(a -> a.ip.equals(ip)).findFirst().orElse(null);
        if (old != null) { // not drained: the instance goes away under its tasks
            takingDown(old, "terminated");
            lose(old);
            agents.remove(old);
        }
        register(pool, version);
    }

    // ---- served by the leading master ----

    synchronized String getAgents() {
        ObjectNode reply = JSON.createObjectNode().put("type", "GET_AGENTS");
        ArrayNode list = reply.putObject("get_agents").putArray("agents");
        for (Agent agent : new ArrayList<>(agents)) {
            if (agent.drainState.equals("DRAINING") && --agent.drainedAfterReads <= 0) {
                agent.drainState = "DRAINED";
                if (agent.markGoneWhenDrained) {
                    agents.remove(agent);
                    events.add("gone " + agent.hostname);
                    continue;
                }
            }
            ObjectNode a = list.addObject();
            a.put("active", !down(agent)).put("deactivated", agent.deactivated).put("version", agent.version)
                    .put("pid", "slave(1)@" + agent.ip + ":5051");
            ObjectNode info = a.putObject("agent_info").put("hostname", agent.hostname).put("port", 5051);
            info.putObject("id").put("value", agent.id);
            ArrayNode attributes = info.putArray("attributes");
            attributes.addObject().put("name", "pool").put("type", "TEXT").putObject("text").put("value", agent.pool);
            if (!agent.drainState.isEmpty()) {
                a.putObject("drain_info").put("state", agent.drainState);
            }
        }
        return reply.toString();
    }

    synchronized String getVersion() {
        try {
            ObjectNode reply = (ObjectNode) JSON.readTree(Fixtures.read("mesos/v1_get_version.response.json"));
            ((ObjectNode) reply.path("get_version").path("version_info")).put("version", masterVersion);
            return reply.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the HTTP status: 400 for what Mesos rejects (a down machine left out of the schedule) */
    synchronized int postSchedule(JsonNode schedule) {
        List<JsonNode> machines = new ArrayList<>();
        schedule.path("windows").forEach(w -> w.path("machine_ids").forEach(machines::add));
        for (JsonNode d : down) {
            if (machines.stream().noneMatch(m -> same(m, d))) {
                return 400;
            }
        }
        scheduled.clear();
        scheduled.addAll(machines);
        events.add("schedule " + machines);
        return 200;
    }

    synchronized String maintenanceStatus() {
        ObjectNode status = JSON.createObjectNode();
        ArrayNode draining = status.putArray("draining_machines");
        for (JsonNode machine : scheduled) {
            if (down.stream().anyMatch(d -> same(d, machine))) {
                continue;
            }
            ObjectNode entry = draining.addObject();
            entry.set("id", machine);
            ArrayNode statuses = entry.putArray("statuses");
            boolean hasTasks = agents.stream().filter(a -> a.is(machine)).anyMatch(a -> tasksOn(a.id) > 0);
            if (hasTasks && inverseOfferAccepting.contains("marathon")) {
                statuses.addObject().put("status", "ACCEPT").putObject("framework_id").put("value", "marathon");
            }
        }
        ArrayNode downMachines = status.putArray("down_machines");
        down.forEach(downMachines::add);
        return status.toString();
    }

    synchronized int machineDown(JsonNode machines) {
        for (JsonNode machine : machines) {
            if (scheduled.stream().noneMatch(s -> same(s, machine))) {
                return 400; // only scheduled machines may go down
            }
        }
        for (JsonNode machine : machines) {
            down.add(machine);
            for (Agent agent : new ArrayList<>(agents)) {
                if (agent.is(machine)) {
                    takingDown(agent, "down");
                    lose(agent);
                    agents.remove(agent);
                }
            }
        }
        return 200;
    }

    synchronized int machineUp(JsonNode machines) {
        for (JsonNode machine : machines) {
            if (down.stream().noneMatch(d -> same(d, machine))) {
                return 400;
            }
        }
        for (JsonNode machine : machines) {
            down.removeIf(d -> same(d, machine));
            scheduled.removeIf(s -> same(s, machine));
        }
        return 200;
    }

    synchronized int drainAgent(JsonNode call) {
        String id = call.path("agent_id").path("value").asText();
        Agent agent = agents.stream().filter(a -> a.id.equals(id)).findFirst().orElse(null);
        if (agent == null) {
            return 400;
        }
        takingDown(agent, "drain");
        agent.deactivated = true;
        agent.drainState = "DRAINING";
        agent.markGoneWhenDrained = call.path("mark_gone").asBoolean(false);
        agent.drainedAfterReads = 2;
        for (Task task : tasks) {
            if (task.agent.equals(id)) {
                killed++; // SIGTERM within the grace period: TASK_KILLED, and Marathon starts a new one
                relaunch(task);
            }
        }
        return 200;
    }

    synchronized int markGone(JsonNode call) {
        String id = call.path("agent_id").path("value").asText();
        agents.stream().filter(a -> a.id.equals(id)).findFirst().ifPresent(a -> {
            lose(a);
            agents.remove(a);
        });
        return 200;
    }

    // ---- served by Marathon ----

    public synchronized String v2Apps() {
        try {
            JsonNode template = JSON.readTree(Fixtures.read("marathon/v2_apps.json")).path("apps").get(0);
            ObjectNode reply = JSON.createObjectNode();
            ArrayNode list = reply.putArray("apps");
            for (Map.Entry<String, Integer> app : apps.entrySet()) {
                ObjectNode a = template.deepCopy();
                long staged = tasks.stream().filter(t -> t.app.equals(app.getKey()) && t.stagedReads > 0).count();
                long running = tasks.stream().filter(t -> t.app.equals(app.getKey()) && t.stagedReads == 0).count();
                a.put("id", app.getKey()).put("instances", app.getValue()).put("tasksStaged", staged).put("tasksRunning", running)
                        .put("tasksHealthy", 0).put("tasksUnhealthy", 0);
                a.putArray("deployments");
                list.add(a);
            }
            tasks.forEach(t -> t.stagedReads = Math.max(0, t.stagedReads - 1));
            return reply.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- internals ----

    private void lose(Agent agent) {
        for (Task task : tasks) {
            if (task.agent.equals(agent.id)) {
                lost++; // TASK_LOST: the agent went away with the task still on it
                relaunch(task);
            }
        }
    }

    private void relaunch(Task task) {
        List<Agent> usable = usable();
        if (usable.isEmpty()) {
            task.agent = "";
            task.stagedReads = Integer.MAX_VALUE;
            return;
        }
        task.agent = usable.stream().min((a, b) -> Integer.compare(tasksOn(a.id), tasksOn(b.id))).orElseThrow().id;
        task.stagedReads = 2;
    }

    /** Agents Marathon may launch on: registered, not deactivated, not in maintenance (it declines those offers). */
    private List<Agent> usable() {
        return agents.stream().filter(a -> !a.deactivated && scheduled.stream().noneMatch(a::is)).toList();
    }

    private boolean down(Agent agent) {
        return down.stream().anyMatch(agent::is);
    }

    private void takingDown(Agent agent, String how) {
        events.add(how + " " + agent.hostname);
        List<String> others = agents.stream().filter(a -> a != agent && (a.deactivated || !a.drainState.isEmpty() || down(a)))
                .map(a -> a.hostname).toList();
        if (!others.isEmpty() || agents.size() < expectedAgents) {
            violations.add(how + " " + agent.hostname + " while " + (others.isEmpty() ? agents.size() + " of " + expectedAgents
                    + " agents registered" : others + " not serving"));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.path("hostname").asText("").equalsIgnoreCase(b.path("hostname").asText("")) && a.path("ip").asText("").equals(b.path("ip").asText(""));
    }
}
