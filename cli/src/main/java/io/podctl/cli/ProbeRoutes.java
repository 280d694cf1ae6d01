package io.podctl.cli;

import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.PodTargets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Per pod, which transport carries its probes ({@code --probes}): dialled directly by the pod's
 * private DNS names, or run on the pod's hosts through SSM Run Command. {@code auto} dials directly
 * when the pod's first ZooKeeper name resolves from here, and says per pod what it chose.
 */
final class ProbeRoutes implements PodTargets {

    enum Choice {
        DIRECT, SSM, AUTO;

        static Choice parse(String value) {
            for (Choice choice : values()) {
                if (choice.name().equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            throw new UserError("--probes must be direct, ssm or auto, not '" + value + "'");
        }
    }

    /** Whether a host name resolves from here; a seam for tests. */
    @FunctionalInterface
    interface Resolver {
        boolean resolves(String host);
    }

    static final Resolver DNS = host -> {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    };

    private final Choice choice;
    private final PodTargets direct;
    private final Function<PodPlan, PodTargets> ssm;
    private final Resolver resolver;
    private final Consumer<String> say;
    private final Map<String, PodTargets> chosen = new ConcurrentHashMap<>();

    ProbeRoutes(Choice choice, PodTargets direct, Function<PodPlan, PodTargets> ssm, Resolver resolver, Consumer<String> say) {
        this.choice = choice;
        this.direct = direct;
        this.ssm = ssm;
        this.resolver = resolver;
        this.say = say;
    }

    @Override
    public PodHealth health(PodPlan pod) {
        return of(pod).health(pod);
    }

    @Override
    public Optional<AgentMaintenance> maintenance(PodPlan pod) {
        return of(pod).maintenance(pod);
    }

    /** The transport for the pod, chosen (and announced) once. */
    PodTargets of(PodPlan pod) {
        return chosen.computeIfAbsent(pod.pod(), name -> {
            String probe = pod.hostsRunning(Role.ZOOKEEPER).stream().findFirst().map(h -> pod.dnsNameFor(h, Role.ZOOKEEPER)).orElse("");
            return switch (choice) {
                case DIRECT -> announce(pod, true, "--probes direct");
                case SSM -> announce(pod, false, "--probes ssm");
                case AUTO -> !probe.isEmpty() && resolver.resolves(probe)
                        ? announce(pod, true, probe + " resolves from here")
                        : announce(pod, false, (probe.isEmpty() ? "no ZooKeeper host" : probe) + " does not resolve from here");
            };
        });
    }

    private PodTargets announce(PodPlan pod, boolean directly, String why) {
        say.accept(pod.pod() + ": probes " + (directly ? "direct, by the pod's DNS names" : "through SSM Run Command on the pod's hosts")
                + " (" + why + ")");
        return directly ? direct : ssm.apply(pod);
    }
}
