package io.podctl.rollout.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podctl.rollout.health.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Mesos maintenance endpoints of the leading master: {@code POST /master/maintenance/schedule}
 * (replaces the whole schedule), {@code /master/machine/down} and {@code /master/machine/up}.
 */
public final class MesosMaintenance implements AgentMaintenance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoint leader;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public MesosMaintenance(Endpoint leader) {
        this.leader = leader;
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
    public void down(List<Machine> machines) throws IOException {
        post("/master/machine/down", machineIds(machines).toString());
    }

    @Override
    public void up(List<Machine> machines) throws IOException {
        post("/master/machine/up", machineIds(machines).toString());
    }

    private static ArrayNode machineIds(List<Machine> machines) {
        ArrayNode ids = JSON.createArrayNode();
        for (Machine machine : machines) {
            ObjectNode id = ids.addObject().put("hostname", machine.hostname());
            if (!machine.ip().isBlank()) {
                id.put("ip", machine.ip());
            }
        }
        return ids;
    }

    private void post(String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + leader + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IOException("POST " + path + " on " + leader + " answered " + reply.statusCode() + ": " + reply.body().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: POST " + path, e);
        }
    }
}
