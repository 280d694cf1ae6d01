package io.podctl.rollout.run;

import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import io.podctl.rollout.health.MarathonLeaderAnswer;
import io.podctl.rollout.health.MarathonProbe;
import io.podctl.rollout.health.MesosMasterProbe;
import io.podctl.rollout.health.ZooKeeperNodeStatus;
import io.podctl.rollout.health.FourLetterWordClient;
import io.podctl.rollout.health.ProbeHttpClient;
import io.podctl.rollout.health.ProbeTransport;
import io.podctl.rollout.health.ZooKeeperProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PodHealth} over the real probes: ZooKeeper four-letter words, the Mesos masters'
 * {@code /metrics/snapshot}, Marathon's {@code /v2/leader} and {@code /v2/deployments}. A role
 * without endpoints is reported as not observable rather than assumed healthy.
 */
public final class ProbedPodHealth implements PodHealth {

    private final Map<Role, Map<String, Endpoint>> endpoints;
    private final ProbeTransport transport;

    /** @param endpoints per role, node name to the endpoint that role listens on (client port, 5050, 8080) */
    public ProbedPodHealth(Map<Role, Map<String, Endpoint>> endpoints) {
        this(endpoints, ProbeTransport.direct());
    }

    /** @param marathonHttp the client Marathon is asked with: it carries the pod's Marathon credentials */
    public ProbedPodHealth(Map<Role, Map<String, Endpoint>> endpoints, ProbeHttpClient marathonHttp) {
        this(endpoints, new ProbeTransport(new FourLetterWordClient(), new ProbeHttpClient(), marathonHttp));
    }

    /** @param transport what carries the probes: direct connections, or commands on the pod's hosts */
    public ProbedPodHealth(Map<Role, Map<String, Endpoint>> endpoints, ProbeTransport transport) {
        this.transport = transport;
        Map<Role, Map<String, Endpoint>> copy = new LinkedHashMap<>();
        endpoints.forEach((role, nodes) -> copy.put(role, new LinkedHashMap<>(nodes)));
        this.endpoints = copy;
    }

    @Override
    public Optional<HealthProbe> role(Role role) {
        List<Endpoint> all = all(role);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return switch (role) {
            case ZOOKEEPER -> Optional.of(zookeeper(all).ensembleProbe());
            case MESOS_MASTER -> Optional.of(masters(all).mastersProbe());
            case MARATHON -> Optional.of(marathon(all).clusterProbe());
            case MESOS_AGENT -> Optional.empty();
        };
    }

    @Override
    public HealthProbe node(String node, Role role, String version) {
        Endpoint endpoint = endpoints.getOrDefault(role, Map.of()).get(node);
        if (endpoint == null) {
            return () -> Health.unhealthy(role.wire() + " " + node + ": no endpoint known");
        }
        return switch (role) {
            case ZOOKEEPER -> zookeeper(all(role)).memberProbe(endpoint, version);
            case MESOS_MASTER -> {
                MesosMasterProbe masters = masters(all(role));
                yield Gate.allOf("", List.of(masters.recoveredProbe(endpoint), masters.versionProbe(endpoint, version))).probe();
            }
            case MARATHON -> () -> marathonNode(node, endpoint, version);
            case MESOS_AGENT -> () -> Health.unhealthy("agents are not probed one by one");
        };
    }

    /**
     * The instance answers with a leader; when it is that leader its {@code /v2/info} version must
     * be the expected one. A standby's own version cannot be asked over HTTP (it proxies).
     */
    private Health marathonNode(String node, Endpoint endpoint, String version) {
        MarathonProbe probe = marathon(all(Role.MARATHON));
        MarathonLeaderAnswer answer = probe.leaderAnswer(endpoint);
        if (!(answer instanceof MarathonLeaderAnswer.Led led)) {
            return Health.unhealthy(node + ": " + answer.describe(), Map.of("node", node));
        }
        if (!led.proxied() && version != null) { // answered itself: it leads
            try {
                String running = probe.version(endpoint);
                if (!running.equals(version)) {
                    return Health.unhealthy(node + " leads Marathon " + running + ", not " + version, Map.of("node", node));
                }
            } catch (java.io.IOException e) {
                return Health.unhealthy(node + ": version unknown: " + e.getMessage(), Map.of("node", node));
            }
        }
        return Health.healthy(node + ": " + answer.describe(), Map.of("node", node));
    }

    @Override
    public Optional<String> leader(Role role) {
        List<Endpoint> all = all(role);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Optional<Endpoint> leader = switch (role) {
            case ZOOKEEPER -> zookeeper(all).leader();
            case MESOS_MASTER -> masters(all).leader();
            case MARATHON -> marathon(all).leader();
            case MESOS_AGENT -> Optional.empty();
        };
        return leader.flatMap(l -> endpoints.get(role).entrySet().stream()
                .filter(e -> e.getValue().equals(l)).map(Map.Entry::getKey).findFirst());
    }

    @Override
    public Optional<String> runningVersion(String node, Role role) {
        Endpoint endpoint = endpoints.getOrDefault(role, Map.of()).get(node);
        if (endpoint == null || role != Role.ZOOKEEPER) {
            return Optional.empty();
        }
        ZooKeeperNodeStatus status = zookeeper(all(role)).status(endpoint);
        return status.version() != null && !status.version().isBlank()
                ? Optional.of(status.version()) : Optional.empty();
    }

    @Override
    public Optional<HealthProbe> workloads() {
        List<Endpoint> all = all(Role.MARATHON);
        return all.isEmpty() ? Optional.empty() : Optional.of(marathon(all).appsProbe());
    }

    private ZooKeeperProbe zookeeper(List<Endpoint> ensemble) {
        return new ZooKeeperProbe(ensemble, transport.zookeeper());
    }

    private MesosMasterProbe masters(List<Endpoint> masters) {
        return new MesosMasterProbe(masters, transport.mesos());
    }

    private MarathonProbe marathon(List<Endpoint> instances) {
        return new MarathonProbe(instances, transport.marathon());
    }

    private List<Endpoint> all(Role role) {
        return List.copyOf(endpoints.getOrDefault(role, Map.of()).values());
    }
}
