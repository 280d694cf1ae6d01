package io.podctl.rollout.run;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.HttpCredentials;
import io.podctl.rollout.health.ProbeHttpClient;
import io.podctl.rollout.health.MesosMasterProbe;
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

    /** The pod's Marathon credentials, read from the secret its spec references; empty when it has none. */
    @FunctionalInterface
    public interface MarathonCredentials {
        Optional<HttpCredentials> of(PodPlan pod);
    }

    private final MarathonCredentials credentials;

    public DirectTargets() {
        this(pod -> Optional.empty());
    }

    public DirectTargets(MarathonCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public PodHealth health(PodPlan pod) {
        Map<Role, Map<String, Endpoint>> endpoints = new EnumMap<>(Role.class);
        endpoints.put(Role.ZOOKEEPER, endpoints(pod, Role.ZOOKEEPER, Ports.ZOOKEEPER_CLIENT));
        endpoints.put(Role.MESOS_MASTER, endpoints(pod, Role.MESOS_MASTER, Ports.MESOS_MASTER));
        endpoints.put(Role.MARATHON, endpoints(pod, Role.MARATHON, Ports.MARATHON));
        return new ProbedPodHealth(endpoints, credentials.of(pod).map(ProbeHttpClient::withCredentials).orElseGet(ProbeHttpClient::new));
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        List<Endpoint> masters = List.copyOf(endpoints(pod, Role.MESOS_MASTER, Ports.MESOS_MASTER).values());
        if (masters.isEmpty()) {
            return Optional.empty();
        }
        // the maintenance endpoints must be called on the leading master; a standby would redirect
        Endpoint leader = new MesosMasterProbe(masters).leader().orElse(masters.get(0));
        return Optional.of(new MesosMaintenance(leader));
    }

    static Map<String, Endpoint> endpoints(PodPlan pod, Role role, int port) {
        Map<String, Endpoint> byNode = new LinkedHashMap<>();
        for (Host host : pod.hostsRunning(role)) {
            byNode.put(host.node(), new Endpoint(pod.dnsNameFor(host, role), port));
        }
        return byNode;
    }
}
