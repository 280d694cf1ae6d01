package io.podctl.infra;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.spec.model.Colocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three hosts of one control role (a ZooKeeper ensemble, the Mesos masters, Marathon), or
 * the three shared hosts that run all of them when the pod doubles up.
 */
public final class ControlGroup extends ComponentResource {
    private final Map<String, Output<String>> privateIps = new LinkedHashMap<>();

    private ControlGroup(String type, String name, List<Host> hosts, PodPlan plan, PodNetwork network, PodIdentity identity,
            ProgramOptions options) {
        super(type, name, ComponentResourceOptions.Empty);
        for (Host host : hosts) {
            privateIps.put(host.node(), new ControlHost(this, plan, host, network, identity, options).privateIp());
        }
        registerOutputs(Map.of("privateIps", Output.all(List.copyOf(privateIps.values()))));
    }

    /** One group per role when dedicated, one group of three shared hosts otherwise. */
    static List<ControlGroup> create(PodPlan plan, PodNetwork network, PodIdentity identity, ProgramOptions options) {
        String pod = plan.pod();
        if (plan.colocation() == Colocation.SHARED) {
            return List.of(new ControlGroup(ComponentTypes.SHARED_CONTROL_HOSTS, pod + "-control", plan.controlHosts(), plan, network,
                    identity, options));
        }
        return List.of(
                new ControlGroup(ComponentTypes.ZOOKEEPER_ENSEMBLE, pod + "-zookeeper", plan.hostsRunning(Role.ZOOKEEPER), plan, network,
                        identity, options),
                new ControlGroup(ComponentTypes.MESOS_MASTERS, pod + "-mesos-masters", plan.hostsRunning(Role.MESOS_MASTER), plan,
                        network, identity, options),
                new ControlGroup(ComponentTypes.MARATHON, pod + "-marathon", plan.hostsRunning(Role.MARATHON), plan, network, identity,
                        options));
    }

    /** Private IP per node name (zk-1, control-2, ...). */
    Map<String, Output<String>> privateIps() {
        return privateIps;
    }
}
