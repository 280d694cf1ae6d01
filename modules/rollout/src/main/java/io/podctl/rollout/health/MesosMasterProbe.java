package io.podctl.rollout.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Health of the Mesos masters of a pod, from each master's own {@code /metrics/snapshot}.
 * {@code /master/health} is not used: it answers 200 whenever the process runs. {@code
 * /master/state} is not used either: on a standby it redirects to the leader.
 */
public final class MesosMasterProbe {

    static final String ELECTED = "master/elected";
    static final String LOG_RECOVERED = "registrar/log/recovered";
    static final String UPTIME = "master/uptime_secs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Endpoint> masters;
    private final HttpTransport http;

    public MesosMasterProbe(List<Endpoint> masters, HttpTransport http) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("no Mesos masters");
        }
        this.masters = List.copyOf(masters);
        this.http = http;
    }

    public MesosMasterProbe(List<Endpoint> masters) {
        this(masters, new ProbeHttpClient());
    }

    /** One master's snapshot; never throws. */
    public MesosMasterStatus status(Endpoint master) {
        try {
            HttpReply reply = http.get(master.http("/metrics/snapshot"));
            if (reply.status() != 200) {
                return MesosMasterStatus.unreachable(master, "/metrics/snapshot answered " + reply.status());
            }
            JsonNode snapshot = JSON.readTree(reply.body());
            if (snapshot == null || !snapshot.isObject() || !snapshot.has(ELECTED)) {
                return MesosMasterStatus.unreachable(master, "/metrics/snapshot has no " + ELECTED);
            }
            String problem = snapshot.has(LOG_RECOVERED) ? "" : "no " + LOG_RECOVERED + " metric";
            return new MesosMasterStatus(master, true, isOne(snapshot, ELECTED), isOne(snapshot, LOG_RECOVERED),
                    snapshot.path(UPTIME).asDouble(0), problem);
        } catch (IOException e) {
            return MesosMasterStatus.unreachable(master, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public List<MesosMasterStatus> statuses() {
        return masters.stream().map(this::status).toList();
    }

    /** The master whose snapshot says {@code master/elected} = 1, if exactly one does. */
    public Optional<Endpoint> leader() {
        List<MesosMasterStatus> elected = statuses().stream().filter(MesosMasterStatus::elected).toList();
        return elected.size() == 1 ? Optional.of(elected.get(0).endpoint()) : Optional.empty();
    }

    /**
     * Where {@code /master/redirect} on {@code master} points: the leader's {@code host:port}
     * as Mesos advertises it (307), or empty when no master is elected (503).
     *
     * @throws IOException when the master does not answer or answers something else
     */
    public Optional<Endpoint> redirectTarget(Endpoint master) throws IOException {
        HttpReply reply = http.get(master.http("/master/redirect"));
        if (reply.status() == 503) {
            return Optional.empty();
        }
        if (reply.status() == 307) {
            String location = reply.header("Location")
                    .orElseThrow(() -> new IOException(master + ": 307 without Location"));
            return Optional.of(hostPort(location));
        }
        throw new IOException(master + ": /master/redirect answered " + reply.status());
    }

    /**
     * All masters answer, exactly one is elected, and every replicated log has recovered: the
     * gate before and after restarting a master (the docs: wait for recovery before the next).
     */
    public Health mastersHealth() {
        List<MesosMasterStatus> statuses = statuses();
        Map<String, String> facts = Health.newFacts();
        statuses.forEach(s -> facts.put(s.endpoint().toString(), s.describe()));
        List<MesosMasterStatus> elected = statuses.stream().filter(MesosMasterStatus::elected).toList();
        if (elected.size() == 1) {
            facts.put("leader", elected.get(0).endpoint().toString());
        }
        List<String> down = statuses.stream().filter(s -> !s.reachable()).map(s -> s.endpoint().toString()).toList();
        if (!down.isEmpty()) {
            return Health.unhealthy("masters not answering: " + String.join(", ", down), facts);
        }
        if (elected.size() != 1) {
            return Health.unhealthy(elected.size() + " elected masters among " + statuses.size(), facts);
        }
        List<String> behind = statuses.stream().filter(s -> !s.logRecovered()).map(s -> s.endpoint().toString()).toList();
        if (!behind.isEmpty()) {
            return Health.unhealthy("replicated log not recovered on " + String.join(", ", behind), facts);
        }
        return Health.healthy("leader " + elected.get(0).endpoint() + ", all logs recovered", facts);
    }

    /** One master answers and its replicated log has caught up. */
    public Health masterRecovered(Endpoint master) {
        MesosMasterStatus status = status(master);
        Map<String, String> facts = Health.newFacts();
        facts.put("node", master.toString());
        facts.put("elected", Boolean.toString(status.elected()));
        facts.put("uptime_secs", Double.toString(status.uptimeSecs()));
        if (!status.reachable() || !status.logRecovered()) {
            return Health.unhealthy(master + " " + status.describe(), facts);
        }
        return Health.healthy(master + " " + status.describe(), facts);
    }

    public HealthProbe mastersProbe() {
        return this::mastersHealth;
    }

    public HealthProbe recoveredProbe(Endpoint master) {
        return () -> masterRecovered(master);
    }

    /**
     * The master's own version ({@code GET_VERSION} on its {@code /api/v1}, which a standby
     * answers itself): a replaced host must come back running the version its step put there.
     */
    public Health versionHealth(Endpoint master, String expected) {
        try {
            HttpReply reply = http.post(master.http("/api/v1"), "{\"type\":\"GET_VERSION\"}");
            if (reply.status() == 401) {
                // the operator API is a read-write endpoint: with authentication on it needs the operator's credential
                return Health.refused(master + ": GET_VERSION answered 401 Unauthorized; secret mesosOperatorCredential must name "
                        + "a principal:secret that the masters' mesosCredentials list");
            }
            if (reply.status() != 200) {
                return Health.unhealthy(master + ": GET_VERSION answered " + reply.status());
            }
            String version = JSON.readTree(reply.body()).path("get_version").path("version_info").path("version").asText("");
            return version.equals(expected)
                    ? Health.healthy(master + " runs Mesos " + version, Map.of("version", version))
                    : Health.unhealthy(master + " runs Mesos " + (version.isEmpty() ? "(unknown)" : version) + ", not " + expected);
        } catch (IOException e) {
            return Health.unhealthy(master + ": version unknown: " + e.getMessage());
        }
    }

    public HealthProbe versionProbe(Endpoint master, String expected) {
        return () -> versionHealth(master, expected);
    }

    private static boolean isOne(JsonNode snapshot, String metric) {
        return snapshot.path(metric).asDouble(0) == 1.0;
    }

    /** Mesos answers with a protocol-relative Location ("//host:5050"); accept absolute ones too. */
    static Endpoint hostPort(String location) {
        URI uri = URI.create(location.startsWith("//") ? "http:" + location : location);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("no host:port in Location '" + location + "'");
        }
        return new Endpoint(uri.getHost(), uri.getPort());
    }
}
