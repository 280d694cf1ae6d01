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
    private final ProbeHttpClient http;

    public MarathonProbe(List<Endpoint> instances, ProbeHttpClient http) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no Marathon instances");
        }
        this.instances = List.copyOf(instances);
        this.http = http;
    }

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

    private static Optional<Endpoint> agreedLeader(List<MarathonLeaderAnswer> answers) {
        List<Endpoint> named = answers.stream()
                .filter(a -> a instanceof MarathonLeaderAnswer.Led)
                .map(a -> ((MarathonLeaderAnswer.Led) a).leader())
                .distinct().toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
}
