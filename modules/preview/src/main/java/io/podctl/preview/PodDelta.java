package io.podctl.preview;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.spec.model.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pod in both revisions with its changes: what the risk rules and the rollout order read.
 * {@code base} is null for an added pod, {@code head} for a removed one.
 */
record PodDelta(String pod, Tier tier, PodChange.Status status, Map<String, Object> baseSpec, Map<String, Object> headSpec,
        PodCompiler.Compiled base, PodCompiler.Compiled head, List<ValueChange> specChanges, List<ResourceChange> resources) {

    static final String INSTANCE = "aws:ec2/instance:Instance";

    /** Control hosts of either revision by their instance name (the prefix of their other resources). */
    Map<String, Host> hosts() {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (PodCompiler.Compiled c : compiled()) {
            c.plan().controlHosts().forEach(h -> hosts.putIfAbsent(h.name(), h));
        }
        return hosts;
    }

    Optional<Host> hostOf(ResourceChange change) {
        return hosts().values().stream()
                .filter(h -> change.name().equals(h.name()) || change.name().startsWith(h.name() + "-"))
                .findFirst();
    }

    /** Hosts whose instance is replaced or deleted (the process on it stops). */
    List<Host> replacedHosts() {
        List<Host> hosts = new ArrayList<>();
        for (ResourceChange r : resources) {
            if (r.type().equals(INSTANCE) && r.removesResource()) {
                hostOf(r).ifPresent(hosts::add);
            }
        }
        return hosts;
    }

    /** Hosts with any change to their instance, interface, volume or names. */
    Set<Host> touchedHosts() {
        Set<Host> hosts = new LinkedHashSet<>();
        resources.forEach(r -> hostOf(r).ifPresent(hosts::add));
        return hosts;
    }

    Set<String> touchedAgentGroups() {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        compiled().forEach(c -> c.plan().agentGroups().stream().map(AgentGroup::name).forEach(names::add));
        resources.stream().map(ResourceChange::name).filter(names::contains).forEach(groups::add);
        return groups;
    }

    /** Changes to neither hosts nor agents: network, security groups, identity, the DNS zone. */
    List<ResourceChange> podWideChanges() {
        Set<String> agents = touchedAgentGroups();
        return resources.stream().filter(r -> hostOf(r).isEmpty() && !agents.contains(r.name())).toList();
    }

    static List<String> nodes(java.util.Collection<Host> hosts, Role role) {
        return hosts.stream().filter(h -> h.runs(role)).map(Host::node).toList();
    }

    PodPlan plan() {
        return head != null ? head.plan() : base.plan();
    }

    private List<PodCompiler.Compiled> compiled() {
        List<PodCompiler.Compiled> list = new ArrayList<>();
        if (head != null) {
            list.add(head);
        }
        if (base != null) {
            list.add(base);
        }
        return list;
    }
}
