package io.podctl.plan.render;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Flags, the pinned install and the unit of the agents of one pool. */
final class MesosAgentFiles {
    /** Docker first: Marathon apps are mostly Docker images; the Mesos containerizer runs the rest. */
    static final List<String> CONTAINERIZERS = List.of("docker", "mesos");

    private MesosAgentFiles() {}

    static void addTo(Bootstrap bootstrap, PodPlan plan, AgentGroup group) {
        Layout layout = Layout.STANDARD;
        MesosAgentModel model = new MesosAgentModel(plan.pod(), group.pool(), group.mesosVersion(), ZooKeeperFiles.endpoints(plan),
                Ports.MESOS_AGENT, layout.agentWorkDir(), CONTAINERIZERS, attributes(group),
                PodSecrets.fileOf(plan, PodSecrets.MESOS_AGENT_CREDENTIAL));
        bootstrap.file(layout.agentFlags(), Bootstrap.CONFIG, "mesos/agent.flags.ftl", model);
        MesosInstall.addTo(bootstrap, plan, model.version(), List.of("mesos-master.service", "mesos-slave.service"));
        bootstrap.service("mesos-agent.service", "mesos/mesos-agent.service.ftl", model);
    }

    /** pod first, then the pool's own attributes by name; the template puts zone (known at boot) before them. */
    private static List<MesosAgentModel.Attribute> attributes(AgentGroup group) {
        return group.attributes().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> !e.getKey().equals("pod")).thenComparing(Map.Entry::getKey))
                .map(e -> new MesosAgentModel.Attribute(e.getKey(), e.getValue()))
                .toList();
    }
}
