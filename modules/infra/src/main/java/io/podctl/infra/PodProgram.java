package io.podctl.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.core.Output;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pulumi program of one pod, built from its plan alone (no stack config is read), so the same
 * closure runs under {@code pulumi up}, the Automation API and the mock engine.
 *
 * <p>Every stack output is a string (lists and maps are JSON): the Automation API fails on
 * anything else when it reads outputs back.
 */
public final class PodProgram {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PodProgram() {}

    public static void run(Context ctx, PodPlan plan, ProgramOptions options) {
        PodNetwork.requireNoOpenIngress(plan);
        PodNetwork network = new PodNetwork(plan);
        PodIdentity identity = new PodIdentity(plan);
        List<ControlGroup> control = ControlGroup.create(plan, network, identity, options);
        AgentPools agents = new AgentPools(plan, network, identity);

        ctx.export("pod", Output.of(plan.pod()));
        ctx.export("vpcId", network.vpcId());
        ctx.export("dnsZone", Output.of(plan.dnsZone()));
        ctx.export("dnsZoneId", network.zoneId());
        ctx.export("zookeeperConnect", Output.of(plan.zookeeperConnect()));
        ctx.export("instanceProfileArn", identity.profileArn());
        ctx.export("controlHostIps", hostIps(control));
        ctx.export("agentGroups", agents.groupNames().applyValue(PodProgram::json));
        ctx.export(NODE_VERSIONS, Output.of(json(nodeVersions(plan))));
        ctx.export(TIER, Output.of(plan.tier().wire()));
    }

    /** The tier the stack was deployed as; destroy's prod guard reads it rather than the spec alone. */
    public static final String TIER = "tier";

    /** The output the rollout reads back to learn what each node runs: {"zk-1":"zookeeper=3.8.4", ...}. */
    public static final String NODE_VERSIONS = "nodeVersions";

    private static Map<String, String> nodeVersions(PodPlan plan) {
        Map<String, String> byNode = new LinkedHashMap<>();
        plan.controlHosts().forEach(h -> byNode.put(h.node(), h.versions().tag()));
        plan.agentGroups().forEach(g -> byNode.put(PodPlanner.agentsNode(g.pool()), "mesos=" + g.mesosVersion()));
        return byNode;
    }

    /** {"zk-1":"10.10.0.10", ...} in plan order. */
    private static Output<String> hostIps(List<ControlGroup> groups) {
        List<String> nodes = new ArrayList<>();
        List<Output<String>> ips = new ArrayList<>();
        groups.forEach(g -> g.privateIps().forEach((node, ip) -> {
            nodes.add(node);
            ips.add(ip);
        }));
        return Output.all(ips).applyValue(values -> {
            Map<String, String> byNode = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                byNode.put(nodes.get(i), values.get(i));
            }
            return json(byNode);
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
