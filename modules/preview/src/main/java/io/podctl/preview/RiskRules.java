package io.podctl.preview;

import io.podctl.plan.Host;
import io.podctl.plan.Role;
import io.podctl.spec.model.Tier;
import io.podctl.spec.validate.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The risk findings of one pod's change; the prod-first rule also looks at the not-prod pods of the same change. */
final class RiskRules {
    static final String VOLUME = "aws:ebs/volume:Volume";
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    /** Paths that are per pod by nature; a prod pod changing them has no not-prod counterpart to wait for. */
    private static final List<String> PER_POD_PATHS = List.of("metadata.", "spec.network.", "spec.secrets.", "spec.rollout.",
            "spec.exceptions");

    private final List<PodDelta> fleet;

    RiskRules(List<PodDelta> fleet) {
        this.fleet = fleet;
    }

    List<Risk> of(PodDelta pod) {
        List<Risk> risks = new ArrayList<>();
        controlHostsReplaced(pod, risks);
        quorumReplaced(pod, risks);
        dataDeleted(pod, risks);
        prodFirst(pod, risks);
        versionSkip(pod, risks);
        exposureWidened(pod, risks);
        subnetClash(pod, risks);
        return risks;
    }

    private void controlHostsReplaced(PodDelta pod, List<Risk> risks) {
        List<Host> replaced = pod.replacedHosts();
        if (!replaced.isEmpty() && pod.status() == PodChange.Status.CHANGED) {
            risks.add(new Risk(Severity.HIGH, "control-host-replaced", replaced.size() + " control host(s) replaced ("
                    + String.join(", ", replaced.stream().map(Host::node).toList())
                    + "): apply with `podctl rollout`, not a plain `podctl up`"));
        }
    }

    /** A plain up replaces in parallel: two members of a 3-node quorum down at once loses it. */
    private void quorumReplaced(PodDelta pod, List<Risk> risks) {
        if (pod.status() != PodChange.Status.CHANGED) {
            return;
        }
        for (Role role : List.of(Role.ZOOKEEPER, Role.MESOS_MASTER)) {
            List<String> nodes = PodDelta.nodes(pod.replacedHosts(), role);
            if (nodes.size() > 1) {
                String quorum = role == Role.ZOOKEEPER ? "ZooKeeper ensemble" : "Mesos masters' replicated log";
                risks.add(new Risk(Severity.HIGH, "quorum-replaced", nodes.size() + " members of the " + quorum + " replaced by one change ("
                        + String.join(", ", nodes) + "): at most one may be down at a time"));
            }
        }
    }

    private void dataDeleted(PodDelta pod, List<Risk> risks) {
        for (ResourceChange r : pod.resources()) {
            if (!r.removesResource()) {
                continue;
            }
            String how = r.kind() == ResourceChange.Kind.DELETE ? "deleted" : "replaced (" + String.join(", ", r.replacedBy()) + ")";
            if (r.type().equals(VOLUME)) {
                risks.add(new Risk(Severity.HIGH, "data-deleted", "data volume " + r.name() + " " + how
                        + (r.retainOnDelete() ? ": the old volume is kept in AWS but leaves the stack; the host starts empty"
                                : ": its ZooKeeper and Mesos data are lost")));
            } else if (r.type().equals(VPC)) {
                risks.add(new Risk(Severity.HIGH, "data-deleted", "VPC " + r.name() + " " + how + ": everything in the pod goes with it"));
            }
        }
    }

    /** Prod pods change after not-prod pods have carried the same value (waves): compared by spec path and new value. */
    private void prodFirst(PodDelta pod, List<Risk> risks) {
        if (pod.tier() != Tier.PROD || pod.status() != PodChange.Status.CHANGED) {
            return;
        }
        List<Map<String, Object>> notProd = fleet.stream()
                .filter(p -> p.tier() == Tier.NOT_PROD && p.headSpec() != null)
                .map(p -> ValueDiff.leaves(p.headSpec())).toList();
        for (ValueChange change : pod.specChanges()) {
            if (PER_POD_PATHS.stream().anyMatch(change.path()::startsWith)) {
                continue;
            }
            boolean carried = notProd.stream().anyMatch(leaves -> Objects.equals(leaves.get(change.path()), change.after()));
            if (!carried) {
                risks.add(new Risk(Severity.MEDIUM, "prod-first", "prod pod changed before any not-prod pod: " + change.path() + " -> "
                        + change.afterText() + " is on no not-prod pod"));
            }
        }
    }

    private void versionSkip(PodDelta pod, List<Risk> risks) {
        if (pod.headSpec() == null || pod.status() == PodChange.Status.UNCHANGED) {
            return;
        }
        String mesos = version(pod.headSpec(), "mesos");
        String marathon = version(pod.headSpec(), "marathon");
        if (pod.baseSpec() != null) {
            String oldMarathon = version(pod.baseSpec(), "marathon");
            UpgradeRules.skippedMinor(oldMarathon, marathon).ifPresent(skipped -> risks.add(new Risk(Severity.HIGH, "version-skip",
                    "Marathon " + oldMarathon + " -> " + marathon + " skips " + skipped + "; Marathon supports no skipped minor versions")));
        }
        Optional<String> needs = UpgradeRules.mesosNeededBy(marathon);
        if (needs.isPresent() && UpgradeRules.compare(mesos, needs.get()) < 0
                && (pod.baseSpec() == null || !Objects.equals(version(pod.baseSpec(), "marathon"), marathon)
                        || !Objects.equals(version(pod.baseSpec(), "mesos"), mesos))) {
            risks.add(new Risk(Severity.HIGH, "version-skip", "Marathon " + marathon + " needs Mesos " + needs.get()
                    + " or later on the masters; the pod would run Mesos " + mesos));
        }
    }

    /** New ingress on an existing pod: a CIDR no existing rule already covers widens who can reach the admin ports. */
    private void exposureWidened(PodDelta pod, List<Risk> risks) {
        if (pod.status() != PodChange.Status.CHANGED) {
            return;
        }
        List<Ipv4Cidr> existing = pod.base().resources().stream().filter(r -> r.type().equals(INGRESS))
                .map(r -> r.input("cidrIpv4")).filter(String.class::isInstance)
                .flatMap(c -> Ipv4Cidr.parse((String) c).stream()).toList();
        for (ResourceChange r : pod.resources()) {
            if (!r.type().equals(INGRESS) || r.kind() == ResourceChange.Kind.DELETE) {
                continue;
            }
            var rule = pod.head().resources().stream().filter(h -> h.name().equals(r.name()) && h.type().equals(INGRESS)).findFirst();
            if (rule.isEmpty()) {
                continue;
            }
            Object cidr = rule.get().input("cidrIpv4");
            String ports = ports(rule.get().input("fromPort"), rule.get().input("toPort"));
            if (cidr instanceof String c) {
                Optional<Ipv4Cidr> parsed = Ipv4Cidr.parse(c);
                boolean covered = parsed.isPresent() && existing.stream().anyMatch(e -> contains(e, parsed.get()));
                if (!covered) {
                    risks.add(new Risk(Severity.HIGH, "exposure-widened", "new CIDR " + c + " on admin port " + ports + " (" + r.name() + ")"));
                } else if (r.kind() == ResourceChange.Kind.CREATE) {
                    risks.add(new Risk(Severity.LOW, "exposure-widened", "ingress rule added for " + c + " on port " + ports
                            + ", inside an already allowed CIDR"));
                }
            } else if (r.kind() == ResourceChange.Kind.CREATE) {
                risks.add(new Risk(Severity.MEDIUM, "exposure-widened", "ingress rule added: port " + ports + " ("
                        + r.name() + ")"));
            }
        }
    }

    /**
     * A subnet created (or re-created) while a subnet of the base still holds its range: the engine
     * creates before it deletes, AWS refuses overlapping subnets, and the up fails half way. This
     * is what moving a pod to other zones does; {@code podctl up} refuses it before it starts.
     */
    private void subnetClash(PodDelta pod, List<Risk> risks) {
        if (pod.status() != PodChange.Status.CHANGED) {
            return;
        }
        for (ResourceChange r : pod.resources()) {
            if (!r.type().equals(SUBNET) || (r.kind() != ResourceChange.Kind.CREATE && r.kind() != ResourceChange.Kind.REPLACE)) {
                continue;
            }
            Optional<Ipv4Cidr> range = pod.head().resources().stream().filter(h -> h.type().equals(SUBNET) && h.name().equals(r.name()))
                    .findFirst().map(h -> h.input("cidrBlock")).filter(String.class::isInstance).flatMap(c -> Ipv4Cidr.parse((String) c));
            if (range.isEmpty()) {
                continue;
            }
            pod.base().resources().stream().filter(b -> b.type().equals(SUBNET))
                    .filter(b -> b.input("cidrBlock") instanceof String c && Ipv4Cidr.parse(c).map(range.get()::overlaps).orElse(false))
                    .findFirst()
                    .ifPresent(held -> risks.add(new Risk(Severity.HIGH, "subnet-clash", "subnet " + r.name() + " would take "
                            + range.get() + ", which " + held.name() + " holds until the end of the update: AWS refuses overlapping"
                            + " subnets and the up fails half way (podctl up refuses it); keep the pod's zones, or create a new pod")));
        }
    }

    private static boolean contains(Ipv4Cidr outer, Ipv4Cidr inner) {
        return outer.prefix() <= inner.prefix() && (inner.network() & outer.mask()) == outer.network();
    }

    private static String ports(Object from, Object to) {
        return Objects.equals(from, to) ? String.valueOf(from) : from + "-" + to;
    }

    @SuppressWarnings("unchecked")
    private static String version(Map<String, Object> spec, String component) {
        Object versions = ((Map<String, Object>) spec.getOrDefault("spec", Map.of())).get("versions");
        return versions instanceof Map<?, ?> m ? String.valueOf(m.get(component)) : null;
    }
}
