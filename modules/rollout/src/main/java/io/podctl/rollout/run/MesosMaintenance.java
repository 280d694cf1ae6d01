package io.podctl.rollout.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.HttpReply;
import io.podctl.rollout.health.HttpTransport;
import io.podctl.rollout.health.ProbeHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AgentMaintenance} on the leading master: the maintenance endpoints
 * ({@code /master/maintenance/schedule}, {@code .../status}, {@code /master/machine/down|up})
 * and the v1 operator API ({@code POST /api/v1}: GET_AGENTS, GET_VERSION, DRAIN_AGENT,
 * MARK_AGENT_GONE).
 */
public final class MesosMaintenance implements AgentMaintenance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoint leader;
    private final HttpTransport http;
    private final String pod;

    /** Without a credential, for masters that do not authenticate HTTP calls. */
    public MesosMaintenance(Endpoint leader) {
        this(leader, new ProbeHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(10)), "");
    }

    /**
     * @param http carries the calls; it sends the pod's operator credential when the masters
     *             run with {@code --authenticate_http_readwrite}
     * @param pod named when the master refuses the credential
     */
    public MesosMaintenance(Endpoint leader, HttpTransport http, String pod) {
        this.leader = leader;
        this.http = http;
        this.pod = pod;
    }

    @Override
    public List<Agent> agents() throws IOException {
        JsonNode reply = call(JSON.createObjectNode().put("type", "GET_AGENTS"));
        List<Agent> agents = new ArrayList<>();
        for (JsonNode agent : reply.path("get_agents").path("agents")) {
            JsonNode info = agent.path("agent_info");
            Map<String, String> attributes = new LinkedHashMap<>();
            for (JsonNode attribute : info.path("attributes")) {
                attributes.put(attribute.path("name").asText(), attribute.path("text").path("value").asText(""));
            }
            agents.add(new Agent(info.path("id").path("value").asText(), new Machine(info.path("hostname").asText(), ipOf(agent.path("pid").asText())),
                    agent.path("version").asText(""), agent.path("active").asBoolean(false), agent.path("deactivated").asBoolean(false),
                    agent.path("drain_info").path("state").asText(""), attributes));
        }
        return agents;
    }

    /** {@code slave(1)@10.0.1.5:5051}: the address the agent registered from, which maintenance matches on. */
    static String ipOf(String pid) {
        int at = pid.indexOf('@');
        int colon = pid.lastIndexOf(':');
        return at < 0 || colon < at ? "" : pid.substring(at + 1, colon);
    }

    @Override
    public String masterVersion() throws IOException {
        return call(JSON.createObjectNode().put("type", "GET_VERSION")).path("get_version").path("version_info").path("version").asText("");
    }

    @Override
    public void schedule(List<Machine> machines, Instant start, Duration duration) throws IOException {
        ObjectNode schedule = JSON.createObjectNode();
        ObjectNode window = schedule.putArray("windows").addObject();
        window.set("machine_ids", machineIds(machines));
        ObjectNode unavailability = window.putObject("unavailability");
        unavailability.putObject("start").put("nanoseconds", start.getEpochSecond() * 1_000_000_000L + start.getNano());
        unavailability.putObject("duration").put("nanoseconds", duration.toNanos());
        post("/master/maintenance/schedule", schedule.toString());
    }

    @Override
    public void clearSchedule() throws IOException {
        post("/master/maintenance/schedule", "{\"windows\":[]}");
    }

    @Override
    public Map<String, String> inverseOfferAnswers(Machine machine) throws IOException {
        JsonNode status = get("/master/maintenance/status");
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode draining : status.path("draining_machines")) {
            JsonNode id = draining.path("id");
            if (id.path("hostname").asText("").equalsIgnoreCase(machine.hostname()) && id.path("ip").asText("").equals(machine.ip())) {
                draining.path("statuses").forEach(s -> answers.put(s.path("framework_id").path("value").asText(), s.path("status").asText()));
            }
        }
        return answers;
    }

    @Override
    public void down(List<Machine> machines) throws IOException {
        post("/master/machine/down", machineIds(machines).toString());
    }

    @Override
    public void up(List<Machine> machines) throws IOException {
        post("/master/machine/up", machineIds(machines).toString());
    }

    @Override
    public void drain(String agentId, Duration maxGracePeriod, boolean markGone) throws IOException {
        ObjectNode call = JSON.createObjectNode().put("type", "DRAIN_AGENT");
        ObjectNode drain = call.putObject("drain_agent");
        drain.putObject("agent_id").put("value", agentId);
        drain.putObject("max_grace_period").put("seconds", maxGracePeriod.toSeconds());
        drain.put("mark_gone", markGone);
        call(call);
    }

    @Override
    public void markGone(String agentId) throws IOException {
        ObjectNode call = JSON.createObjectNode().put("type", "MARK_AGENT_GONE");
        call.putObject("mark_agent_gone").putObject("agent_id").put("value", agentId);
        call(call);
    }

    /** Both fields always: an omitted IP is the empty string to Mesos, which matches no agent. */
    private static ArrayNode machineIds(List<Machine> machines) {
        ArrayNode ids = JSON.createArrayNode();
        for (Machine machine : machines) {
            if (machine.hostname().isBlank() || machine.ip().isBlank()) {
                throw new IllegalArgumentException("a maintenance machine needs its hostname and IP: " + machine);
            }
            ids.addObject().put("hostname", machine.hostname()).put("ip", machine.ip());
        }
        return ids;
    }

    private JsonNode call(ObjectNode body) throws IOException {
        String type = body.path("type").asText();
        String reply = checked(http.post(leader.http("/api/v1"), body.toString()), type);
        return reply.isBlank() ? JSON.createObjectNode() : JSON.readTree(reply);
    }

    private JsonNode get(String path) throws IOException {
        return JSON.readTree(checked(http.get(leader.http(path)), "GET " + path));
    }

    private void post(String path, String body) throws IOException {
        checked(http.post(leader.http(path), body), "POST " + path);
    }

    private String checked(HttpReply reply, String what) throws IOException {
        if (reply.status() == 401) {
            throw new MesosOperatorRefused(pod, leader, what);
        }
        if (reply.status() != 200) {
            throw new IOException(what + " on " + leader + " answered " + reply.status() + ": " + reply.body().strip());
        }
        return reply.body();
    }
}
