package io.podctl.rollout.run;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.FourLetterWordClient;
import io.podctl.rollout.health.HttpCredentials;
import io.podctl.rollout.health.HttpTransport;
import io.podctl.rollout.health.MesosMasterProbe;
import io.podctl.rollout.health.ProbeHttpClient;
import io.podctl.rollout.health.ProbeTransport;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod's services reached directly by their private DNS names ({@code zk-1.<pod>.pod.internal}):
 * for podctl running inside the pod's VPC (a bastion or a CI runner there). From outside, the
 * probes go through SSM Run Command instead.
 */
public final class DirectTargets implements PodTargets {

    /** Credentials read from a secret the pod's spec references; empty when it has none. */
    @FunctionalInterface
    public interface PodCredentials {
        Optional<HttpCredentials> of(PodPlan pod);
    }

    /** The pod's Marathon credentials ({@code marathonHttpCredentials}). */
    @FunctionalInterface
    public interface MarathonCredentials extends PodCredentials {
    }

    private final PodCredentials credentials;
    private final PodCredentials operator;

    public DirectTargets() {
        this(pod -> Optional.empty());
    }

    public DirectTargets(MarathonCredentials credentials) {
        this(credentials, pod -> Optional.empty());
    }

    /** @param operator the Mesos operator credential ({@code mesosOperatorCredential}) for masters that authenticate HTTP */
    public DirectTargets(PodCredentials marathon, PodCredentials operator) {
        this.credentials = marathon;
        this.operator = operator;
    }

    @Override
    public PodHealth health(PodPlan pod) {
        Map<Role, Map<String, Endpoint>> endpoints = new EnumMap<>(Role.class);
        endpoints.put(Role.ZOOKEEPER, endpoints(pod, Role.ZOOKEEPER, Ports.ZOOKEEPER_CLIENT));
        endpoints.put(Role.MESOS_MASTER, endpoints(pod, Role.MESOS_MASTER, Ports.MESOS_MASTER));
        endpoints.put(Role.MARATHON, endpoints(pod, Role.MARATHON, Ports.MARATHON));
        return new ProbedPodHealth(endpoints, new ProbeTransport(new FourLetterWordClient(), mesosHttp(pod),
                credentials.of(pod).map(ProbeHttpClient::withCredentials).orElseGet(ProbeHttpClient::new)));
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        List<Endpoint> masters = List.copyOf(endpoints(pod, Role.MESOS_MASTER, Ports.MESOS_MASTER).values());
        if (masters.isEmpty()) {
            return Optional.empty();
        }
        // the maintenance endpoints must be called on the leading master; a standby would redirect
        HttpTransport http = mesosHttp(pod);
        Endpoint leader = new MesosMasterProbe(masters, http).leader().orElse(masters.get(0));
        return Optional.of(new MesosMaintenance(leader, http, pod.pod()));
    }

    /** The masters' client: with authentication on, their read-write endpoints and /api/v1 refuse a call without the operator credential. */
    private HttpTransport mesosHttp(PodPlan pod) {
        return new ProbeHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(10), operator.of(pod).orElse(null));
    }

    /** Per node of the role, its private DNS name and the role's port. */
    public static Map<String, Endpoint> endpoints(PodPlan pod, Role role, int port) {
        Map<String, Endpoint> byNode = new LinkedHashMap<>();
        for (Host host : pod.hostsRunning(role)) {
            byNode.put(host.node(), new Endpoint(pod.dnsNameFor(host, role), port));
        }
        return byNode;
    }
}
