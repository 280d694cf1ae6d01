package io.podctl.plan;

import io.podctl.plan.SecurityGroupPlan.Ingress;
import io.podctl.spec.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Least-privilege security groups per role. Every host is in the "pod" group (membership
 * only); ZooKeeper accepts clients only from pod hosts and quorum traffic only from its peers;
 * Mesos masters from agents, masters, Marathon and admins; Marathon from admins and its peers
 * (standbys proxy to the leader); agents from masters.
 */
final class SecurityGroups {
    static final String POD = "pod";

    private SecurityGroups() {}

    static List<SecurityGroupPlan> forPod(String pod, PodSpec spec) {
        List<String> admins = spec.access().adminCidrs();
        String zk = Role.ZOOKEEPER.wire(), master = Role.MESOS_MASTER.wire(), marathon = Role.MARATHON.wire(), agent = Role.MESOS_AGENT.wire();

        List<Ingress> podRules = new ArrayList<>();
        if (spec.access().sshKeyName() != null) {
            admins.forEach(c -> podRules.add(tcp(Ports.SSH, null, c, "SSH from admins")));
        }
        List<Ingress> zkRules = List.of(
                tcp(Ports.ZOOKEEPER_CLIENT, POD, null, "ZooKeeper clients: pod hosts only"),
                tcp(Ports.ZOOKEEPER_QUORUM, zk, null, "ZooKeeper quorum: ensemble peers"),
                tcp(Ports.ZOOKEEPER_ELECTION, zk, null, "ZooKeeper leader election: ensemble peers"));
        List<Ingress> masterRules = new ArrayList<>(List.of(
                tcp(Ports.MESOS_MASTER, agent, null, "Mesos master: agents register"),
                tcp(Ports.MESOS_MASTER, master, null, "Mesos master: peer masters"),
                tcp(Ports.MESOS_MASTER, marathon, null, "Mesos master: Marathon framework")));
        admins.forEach(c -> masterRules.add(tcp(Ports.MESOS_MASTER, null, c, "Mesos API for admins")));
        List<Ingress> marathonRules = new ArrayList<>(List.of(tcp(Ports.MARATHON, marathon, null, "Marathon: standbys proxy to the leader"),
                tcp(Ports.MARATHON_LIBPROCESS, master, null, "Marathon scheduler driver: masters send offers")));
        admins.forEach(c -> marathonRules.add(tcp(Ports.MARATHON, null, c, "Marathon API for admins")));
        List<Ingress> agentRules = List.of(tcp(Ports.MESOS_AGENT, master, null, "Mesos agent: masters"),
                new Ingress("tcp", Ports.TASKS_FIRST, Ports.TASKS_LAST, POD, null, "Task ports: health checks and task-to-task traffic inside the pod"));

        return List.of(
                group(pod, POD, "Membership of pod " + pod + " (source for ZooKeeper clients)", podRules),
                group(pod, zk, "ZooKeeper of pod " + pod, zkRules),
                group(pod, master, "Mesos masters of pod " + pod, masterRules),
                group(pod, marathon, "Marathon of pod " + pod, marathonRules),
                group(pod, agent, "Mesos agents of pod " + pod, agentRules));
    }

    private static SecurityGroupPlan group(String pod, String key, String description, List<Ingress> rules) {
        return new SecurityGroupPlan(key, pod + "-" + key, description, rules);
    }

    private static Ingress tcp(int port, String fromGroup, String cidr, String description) {
        return new Ingress("tcp", port, port, fromGroup, cidr, description);
    }
}
