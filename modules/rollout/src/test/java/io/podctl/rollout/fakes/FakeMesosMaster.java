package io.podctl.rollout.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.podctl.rollout.health.Endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One Mesos master over HTTP: {@code /metrics/snapshot}, {@code /master/redirect} and
 * {@code /master/health}. Its state is set by the test (elected, log recovered, who leads).
 */
public final class FakeMesosMaster extends FakeHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile boolean elected;
    private volatile boolean logRecovered = true;
    private volatile Endpoint leader;
    private volatile boolean snapshotFails;
    private volatile FakeMesosCluster cluster;
    private volatile String version = "1.11.0";
    private volatile String authorization;

    /**
     * Answers 401 to read-write calls (the operator API, maintenance and machine endpoints)
     * without this basic {@code principal:secret}, as a master with --authenticate_http_readwrite.
     */
    public FakeMesosMaster requireCredentials(String principalColonSecret) {
        this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(principalColonSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** What GET_VERSION answers (the fixture's body with this version). */
    public FakeMesosMaster version(String version) {
        this.version = version;
        return this;
    }

    /** Serves the cluster's agents and maintenance calls (only the leading master should be asked). */
    public FakeMesosMaster cluster(FakeMesosCluster cluster) {
        this.cluster = cluster;
        return this;
    }

    public FakeMesosMaster elected(boolean elected) {
        this.elected = elected;
        return this;
    }

    public FakeMesosMaster logRecovered(boolean recovered) {
        this.logRecovered = recovered;
        return this;
    }

    /** The master {@code /master/redirect} points at; null means none elected (503). */
    public FakeMesosMaster leader(Endpoint leader) {
        this.leader = leader;
        return this;
    }

    /** Makes {@code /metrics/snapshot} answer 503, as while the master process starts. */
    public FakeMesosMaster snapshotFails(boolean fails) {
        this.snapshotFails = fails;
        return this;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String required = authorization;
        boolean readWrite = path.equals("/api/v1") || path.startsWith("/master/maintenance/") || path.startsWith("/master/machine/");
        if (required != null && readWrite && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "", Map.of("WWW-Authenticate", "Basic realm=\"mesos-master-readwrite\""));
            return;
        }
        switch (path) {
            case "/metrics/snapshot" -> {
                if (snapshotFails) {
                    reply(exchange, 503, "", Map.of());
                } else {
                    reply(exchange, 200, snapshot().toString(), Map.of());
                }
            }
            case "/master/redirect" -> {
                Endpoint current = leader;
                if (current == null) {
                    reply(exchange, 503, "", Map.of());
                } else {
                    // Mesos answers with a protocol-relative URL to the leader's advertised address.
                    reply(exchange, 307, "", Map.of("Location", "//" + current));
                }
            }
            // Liveness only: 200 whatever the election says, as the real master does.
            case "/master/health" -> reply(exchange, 200, "", Map.of());
            case "/api/v1" -> {
                JsonNode call = JSON.readTree(exchange.getRequestBody());
                if (call.path("type").asText().equals("GET_VERSION")) {
                    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read("mesos/v1_get_version.response.json"));
                    ((ObjectNode) body.path("get_version").path("version_info")).put("version", version);
                    reply(exchange, 200, body.toString(), Map.of());
                } else if (cluster == null || !serveCluster(exchange, cluster, call)) {
                    reply(exchange, 404, "", Map.of());
                }
            }
            default -> {
                if (cluster == null || !serveCluster(exchange, cluster, null)) {
                    reply(exchange, 404, "", Map.of());
                }
            }
        }
    }

    private boolean serveCluster(HttpExchange exchange, FakeMesosCluster cluster, JsonNode call) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean post = exchange.getRequestMethod().equals("POST");
        JsonNode body = call != null ? call : post ? JSON.readTree(exchange.getRequestBody()) : null;
        switch (path) {
            case "/api/v1" -> {
                String type = body.path("type").asText();
                switch (type) {
                    case "GET_AGENTS" -> reply(exchange, 200, cluster.getAgents(), Map.of());
                    case "GET_VERSION" -> reply(exchange, 200, cluster.getVersion(), Map.of());
                    case "DRAIN_AGENT" -> reply(exchange, cluster.drainAgent(body.path("drain_agent")), "", Map.of());
                    case "MARK_AGENT_GONE" -> reply(exchange, cluster.markGone(body.path("mark_agent_gone")), "", Map.of());
                    default -> reply(exchange, 400, "", Map.of());
                }
            }
            case "/master/maintenance/schedule" -> reply(exchange, post ? cluster.postSchedule(body) : 405, "", Map.of());
            case "/master/maintenance/status" -> reply(exchange, 200, cluster.maintenanceStatus(), Map.of());
            case "/master/machine/down" -> reply(exchange, cluster.machineDown(body), "", Map.of());
            case "/master/machine/up" -> reply(exchange, cluster.machineUp(body), "", Map.of());
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The flat {@code /metrics/snapshot} body. No genuine flat sample exists, so it is converted
     * from the v1 GET_METRICS fixture (a list of {name, value}) into one object of the same names
     * and values. That doc sample names the replicated-log gauge {@code log/recovered}; masters
     * expose it as {@code registrar/log/recovered} (docs/monitoring.md), so that key is added with
     * the sample's value. The test-controlled gauges are then set on a copy.
     */
    private ObjectNode snapshot() {
        ObjectNode snapshot = flatMetrics().deepCopy();
        snapshot.put("master/elected", elected ? 1.0 : 0.0);
        snapshot.put("registrar/log/recovered", logRecovered ? 1.0 : 0.0);
        return snapshot;
    }

    private static volatile ObjectNode flatMetrics;

    static ObjectNode flatMetrics() {
        if (flatMetrics == null) {
            try {
                JsonNode metrics = JSON.readTree(Fixtures.read("mesos/v1_get_metrics.response.json"))
                        .path("get_metrics").path("metrics");
                ObjectNode flat = JSON.createObjectNode();
                metrics.forEach(metric -> flat.put(metric.path("name").asText(), metric.path("value").asDouble()));
                flat.put("registrar/log/recovered", flat.path("log/recovered").asDouble());
                flatMetrics = flat;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return flatMetrics;
    }
}
