package io.podctl.aws.probe;

import io.podctl.aws.command.RemoteCommand;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import io.podctl.plan.render.PodSecrets;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.MesosMasterProbe;
import io.podctl.rollout.health.ProbeTransport;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.DirectTargets;
import io.podctl.rollout.run.MesosMaintenance;
import io.podctl.rollout.run.MesosOperatorRefused;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.PodTargets;
import io.podctl.rollout.run.ProbedPodHealth;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pod's services probed through Run Command on the pod's own hosts, for podctl running where
 * the pod's private DNS names neither resolve nor route (a CI runner outside the VPC). Endpoints
 * keep the pod's DNS names, so reports read as with {@link DirectTargets}; the name only picks
 * the instance, found by its node tag.
 */
public final class SsmTargets implements PodTargets {

    static final String MARATHON_CREDENTIALS = "marathonHttpCredentials";

    /** The running instance of each node of the pod, by node name. */
    @FunctionalInterface
    public interface NodeInstances {
        Map<String, String> of(PodPlan pod);
    }

    private final RemoteCommand remote;
    private final NodeInstances nodes;
    private final Duration deadline;

    public SsmTargets(RemoteCommand remote, NodeInstances nodes, Duration deadline) {
        this.remote = remote;
        this.nodes = nodes;
        this.deadline = deadline;
    }

    @Override
    public PodHealth health(PodPlan pod) {
        Map<Role, Map<String, Endpoint>> endpoints = new EnumMap<>(Role.class);
        endpoints.put(Role.ZOOKEEPER, DirectTargets.endpoints(pod, Role.ZOOKEEPER, Ports.ZOOKEEPER_CLIENT));
        endpoints.put(Role.MESOS_MASTER, DirectTargets.endpoints(pod, Role.MESOS_MASTER, Ports.MESOS_MASTER));
        endpoints.put(Role.MARATHON, DirectTargets.endpoints(pod, Role.MARATHON, Ports.MARATHON));
        return new ProbedPodHealth(endpoints, transport(pod));
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        List<Endpoint> masters = List.copyOf(DirectTargets.endpoints(pod, Role.MESOS_MASTER, Ports.MESOS_MASTER).values());
        if (masters.isEmpty()) {
            return Optional.empty();
        }
        ProbeTransport transport = transport(pod);
        // the maintenance endpoints must be called on the leading master's host; a standby would redirect
        Endpoint leader = new MesosMasterProbe(masters, transport.mesos()).leader().orElse(masters.get(0));
        return Optional.of(new MesosMaintenance(leader, transport.mesos(), pod.pod()));
    }

    private ProbeTransport transport(PodPlan pod) {
        Optional<HostSecret> marathon = PodSecrets.hostFile(pod, MARATHON_CREDENTIALS).map(HostSecret.File::new);
        Optional<HostSecret> operator = Optional.ofNullable(pod.secrets().get(MesosOperatorRefused.SECRET))
                .map(reference -> new HostSecret.Stored(reference, pod.region()));
        return SsmProbes.transport(remote, instances(pod), deadline, marathon, operator);
    }

    /** Looked up once per pod and only when a probe first needs a host. */
    private HostInstances instances(PodPlan pod) {
        Map<String, String> nodeOfHost = new HashMap<>();
        for (Host host : pod.controlHosts()) {
            for (Role role : host.roles()) {
                nodeOfHost.put(pod.dnsNameFor(host, role), host.node());
            }
        }
        AtomicReference<Map<String, String>> byNode = new AtomicReference<>();
        return host -> {
            String node = nodeOfHost.get(host);
            if (node == null) {
                throw new IOException(host + " is no host of pod " + pod.pod());
            }
            Map<String, String> known = byNode.updateAndGet(m -> m != null ? m : Map.copyOf(nodes.of(pod)));
            String instance = known.get(node);
            if (instance == null) {
                throw new IOException(pod.pod() + "/" + node + " has no running instance");
            }
            return instance;
        };
    }
}
