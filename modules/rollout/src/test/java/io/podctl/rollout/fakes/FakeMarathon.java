package io.podctl.rollout.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.podctl.rollout.health.Endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One Marathon instance over HTTP: {@code /v2/leader} and {@code /v2/deployments}, bodies taken
 * from the fixtures. Like the real one, a standby answers as if proxied to the leader (with a
 * {@code Via} header), says 404 when nobody leads and 502 while an election runs.
 */
public final class FakeMarathon extends FakeHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who this instance believes leads. */
    public enum Leadership { SELF, OTHER, NONE, ELECTING }

    private volatile Leadership leadership = Leadership.NONE;
    private volatile Endpoint leader;
    private volatile boolean deploymentsRunning;
    private volatile FakeMesosCluster cluster;
    private volatile String authorization;
    private volatile String version = "1.11.24";

    /** The version this instance runs: /v2/info shows the leader's (a standby proxies the request). */
    public FakeMarathon version(String version) {
        this.version = version;
        return this;
    }

    /** Answers 401 to requests without this basic {@code user:password}, like Marathon with --http_credentials. */
    public FakeMarathon requireCredentials(String userColonPassword) {
        this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(userColonPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** {@code /v2/apps} shows the cluster's tasks (Marathon's view of them). */
    public FakeMarathon cluster(FakeMesosCluster cluster) {
        this.cluster = cluster;
        return this;
    }

    /** This instance leads. */
    public FakeMarathon leads() {
        this.leadership = Leadership.SELF;
        this.leader = endpoint();
        return this;
    }

    /** A standby that proxies to {@code leader}. */
    public FakeMarathon follows(Endpoint leader) {
        this.leadership = Leadership.OTHER;
        this.leader = leader;
        return this;
    }

    public FakeMarathon noLeader() {
        this.leadership = Leadership.NONE;
        this.leader = null;
        return this;
    }

    public FakeMarathon electing() {
        this.leadership = Leadership.ELECTING;
        this.leader = null;
        return this;
    }

    /** {@code /v2/deployments} serves the fixture's running deployment instead of []. */
    public FakeMarathon deploymentsRunning(boolean running) {
        this.deploymentsRunning = running;
        return this;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        String required = authorization;
        if (required != null && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "", Map.of("WWW-Authenticate", "Basic realm=\"Mesosphere\""));
            return;
        }
        Leadership now = leadership;
        Endpoint current = leader;
        if (now == Leadership.ELECTING) {
            // A standby that cannot reach a leader answers 502 (after ~2.5 s in reality; at once here).
            reply(exchange, 502, "", Map.of());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (now == Leadership.NONE) {
            int status = path.equals("/v2/leader") ? 404 : 503;
            reply(exchange, status, status == 404 ? Fixtures.read("marathon/v2_leader.get.404.json") : "", Map.of());
            return;
        }
        FakeMarathon answering = now == Leadership.SELF ? this : FakeMarathons.at(current);
        Map<String, String> headers = now == Leadership.SELF
                ? Map.of("X-Marathon-Leader", "http://" + current)
                : Map.of("X-Marathon-Leader", "http://" + current, "Via", "1.1 " + endpoint());
        switch (path) {
            case "/v2/leader" -> reply(exchange, 200, leaderBody(current), headers);
            case "/v2/deployments" -> reply(exchange, 200,
                    deploymentsRunning ? Fixtures.read("marathon/v2_deployments.json") : "[]", headers);
            case "/v2/info" -> reply(exchange, 200, infoBody(answering == null ? version : answering.version), headers);
            case "/v2/apps" -> reply(exchange, cluster == null ? 404 : 200, cluster == null ? "" : cluster.v2Apps(), headers);
            default -> reply(exchange, 404, "", headers);
        }
    }

    private static String infoBody(String version) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read("marathon/v2_info.json"));
            body.put("version", version);
            return body.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's 200 body with the leader set to the fake's address. */
    private static String leaderBody(Endpoint leader) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read("marathon/v2_leader.get.200.json"));
            body.put("leader", leader.toString());
            return body.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
