package io.podctl.rollout.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Health of the Marathon instances of a pod. A standby proxies almost every request to the
 * leader, so per-instance answers are told apart by status (404 none, 502 electing) and the
 * {@code Via} / {@code X-Marathon-Leader} headers.
 */
public final class MarathonProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Endpoint> instances;
    private final HttpTransport http;

    public MarathonProbe(List<Endpoint> instances, HttpTransport http) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no Marathon instances");
        }
        this.instances = List.copyOf(instances);
        this.http = http;
    }

    private static final String UNAUTHORIZED = "/v2/leader answered 401";
    private static final String CREDENTIAL_HINT = "secret marathonHttpCredentials must hold a user:password that Marathon's"
            + " --http_credentials lists";

    public MarathonProbe(List<Endpoint> instances) {
        this(instances, new ProbeHttpClient());
    }

    /** {@code GET /v2/leader} on one instance; never throws. */
    public MarathonLeaderAnswer leaderAnswer(Endpoint instance) {
        try {
            HttpReply reply = http.get(instance.http("/v2/leader"));
            return switch (reply.status()) {
                case 200 -> {
                    String leader = JSON.readTree(reply.body()).path("leader").asText("");
                    if (leader.isEmpty()) {
                        yield new MarathonLeaderAnswer.Unreachable(instance, "200 without a leader field");
                    }
                    yield new MarathonLeaderAnswer.Led(instance, Endpoint.parse(leader),
                            reply.header("Via").isPresent(), reply.header("X-Marathon-Leader").orElse(""));
                }
                case 404 -> new MarathonLeaderAnswer.NoLeader(instance);
                case 502 -> new MarathonLeaderAnswer.Electing(instance);
                case 401 -> new MarathonLeaderAnswer.Unreachable(instance, UNAUTHORIZED);
                default -> new MarathonLeaderAnswer.Unreachable(instance, "/v2/leader answered " + reply.status());
            };
        } catch (IOException | IllegalArgumentException e) {
            return new MarathonLeaderAnswer.Unreachable(instance, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public List<MarathonLeaderAnswer> leaderAnswers() {
        return instances.stream().map(this::leaderAnswer).toList();
    }

    /** The leader all answering instances agree on; empty when none is known or they disagree. */
    public Optional<Endpoint> leader() {
        return agreedLeader(leaderAnswers());
    }

    /**
     * Number of running deployments as seen through {@code instance} (a standby proxies to the
     * leader).
     *
     * @throws IOException when there is no answer, or it is not 200 with a JSON array
     */
    public int deployments(Endpoint instance) throws IOException {
        HttpReply reply = http.get(instance.http("/v2/deployments"));
        if (reply.status() != 200) {
            throw new IOException(instance + ": /v2/deployments answered " + reply.status());
        }
        JsonNode deployments = JSON.readTree(reply.body());
        if (deployments == null || !deployments.isArray()) {
            throw new IOException(instance + ": /v2/deployments is not a JSON array");
        }
        return deployments.size();
    }

    /** A leader is elected, every answering instance names it, and no deployment is running. */
    public Health clusterHealth() {
        List<MarathonLeaderAnswer> answers = leaderAnswers();
        Map<String, String> facts = Health.newFacts();
        answers.forEach(a -> facts.put(a.asked().toString(), a.describe()));
        Optional<Endpoint> leader = agreedLeader(answers);
        if (leader.isEmpty()) {
            if (answers.stream().allMatch(a -> a instanceof MarathonLeaderAnswer.Unreachable u && u.problem().equals(UNAUTHORIZED))) {
                return Health.refused("every Marathon instance answered 401 Unauthorized to /v2/leader; " + CREDENTIAL_HINT);
            }
            return Health.unhealthy("no agreed Marathon leader", facts);
        }
        facts.put("leader", leader.get().toString());
        Endpoint asked = answers.stream().filter(a -> a instanceof MarathonLeaderAnswer.Led)
                .map(MarathonLeaderAnswer::asked).findFirst().orElseThrow();
        try {
            int running = deployments(asked);
            facts.put("deployments", Integer.toString(running));
            if (running > 0) {
                return Health.unhealthy(running + " deployments running", facts);
            }
        } catch (IOException e) {
            return Health.unhealthy("deployments unknown: " + e.getMessage(), facts);
        }
        return Health.healthy("leader " + leader.get() + ", no deployments", facts);
    }

    public HealthProbe clusterProbe() {
        return this::clusterHealth;
    }

    /**
     * Every app of {@code GET /v2/apps} runs its instances with none staged, and where it has
     * health checks they are all healthy; no deployment runs. After an agent is drained this is
     * when Marathon has put its tasks back.
     */
    public Health appsHealth() {
        Optional<Endpoint> leader = leader();
        if (leader.isEmpty()) {
            return Health.unhealthy("no agreed Marathon leader to ask for apps");
        }
        Map<String, String> facts = Health.newFacts();
        try {
            HttpReply reply = http.get(leader.get().http("/v2/apps"));
            if (reply.status() == 401) {
                return Health.refused(leader.get() + ": /v2/apps answered 401 Unauthorized; " + CREDENTIAL_HINT);
            }
            if (reply.status() != 200) {
                return Health.unhealthy("/v2/apps answered " + reply.status(), facts);
            }
            int tasks = 0;
            for (JsonNode app : JSON.readTree(reply.body()).path("apps")) {
                String id = app.path("id").asText();
                int instances = app.path("instances").asInt();
                int running = app.path("tasksRunning").asInt();
                int staged = app.path("tasksStaged").asInt();
                boolean checked = app.path("healthChecks").size() > 0;
                int healthy = app.path("tasksHealthy").asInt();
                facts.put(id, running + "/" + instances + " running" + (checked ? ", " + healthy + " healthy" : ""));
                if (running < instances || staged > 0 || (checked && (healthy < instances || app.path("tasksUnhealthy").asInt() > 0))) {
                    return Health.unhealthy("app " + id + ": " + facts.get(id) + (staged > 0 ? ", " + staged + " staged" : ""), facts);
                }
                tasks += running;
            }
            int deployments = deployments(leader.get());
            if (deployments > 0) {
                return Health.unhealthy(deployments + " deployments running", facts);
            }
            return Health.healthy("every app at its instances (" + tasks + " tasks), no deployments", facts);
        } catch (IOException e) {
            return Health.unhealthy("apps unknown: " + e.getMessage(), facts);
        }
    }

    /** The version in {@code /v2/info} of the instance asked (a standby proxies it to the leader). */
    public String version(Endpoint instance) throws IOException {
        HttpReply reply = http.get(instance.http("/v2/info"));
        if (reply.status() != 200) {
            throw new IOException(instance + ": /v2/info answered " + reply.status());
        }
        return JSON.readTree(reply.body()).path("version").asText("");
    }

    public HealthProbe appsProbe() {
        return this::appsHealth;
    }

    private static Optional<Endpoint> agreedLeader(List<MarathonLeaderAnswer> answers) {
        List<Endpoint> named = answers.stream()
                .filter(a -> a instanceof MarathonLeaderAnswer.Led)
                .map(a -> ((MarathonLeaderAnswer.Led) a).leader())
                .distinct().toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
}
