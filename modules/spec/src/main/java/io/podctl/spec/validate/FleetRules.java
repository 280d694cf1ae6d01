package io.podctl.spec.validate;

import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.model.Network;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rule 11 and name uniqueness (rule 2): rules that need every pod at once. */
public final class FleetRules {
    private FleetRules() {}

    public static List<Finding> check(List<LoadedPod> pods) {
        List<Finding> findings = new ArrayList<>();
        uniqueNames(pods, findings);
        wavesOrdered(pods, findings);
        prodZonesSpread(pods, findings);
        vpcsDisjoint(pods, findings);
        return findings;
    }

    private static void uniqueNames(List<LoadedPod> pods, List<Finding> findings) {
        Map<String, LoadedPod> byName = new HashMap<>();
        for (LoadedPod pod : pods) {
            LoadedPod first = byName.putIfAbsent(pod.name(), pod);
            if (first != null) {
                findings.add(Finding.error(pod.where().at("metadata.name"), "pod name '" + pod.name() + "' is already used by "
                        + first.where().at("metadata.name").file()));
            }
        }
    }

    private static void wavesOrdered(List<LoadedPod> pods, List<Finding> findings) {
        Optional<LoadedPod> lowestProd = pods.stream().filter(p -> p.pod().spec().tier() == Tier.PROD)
                .min((a, b) -> Integer.compare(wave(a), wave(b)));
        if (lowestProd.isEmpty()) {
            return;
        }
        for (LoadedPod pod : pods) {
            if (pod.pod().spec().tier() == Tier.NOT_PROD && wave(pod) >= wave(lowestProd.get())) {
                findings.add(Finding.error(pod.where().at("spec.rollout.wave"), "not-prod pod " + pod.name() + " has wave " + wave(pod)
                        + ", but prod pod " + lowestProd.get().name() + " has wave " + wave(lowestProd.get())
                        + ": every not-prod pod must roll before every prod pod"));
            }
        }
    }

    private static void prodZonesSpread(List<LoadedPod> pods, List<Finding> findings) {
        List<LoadedPod> prod = pods.stream().filter(p -> p.pod().spec().tier() == Tier.PROD).toList();
        if (prod.size() < 2 || prod.stream().anyMatch(p -> p.pod().spec().placement() != Placement.SINGLE_ZONE)) {
            return;
        }
        String zone = prod.get(0).pod().spec().zones().get(0);
        if (prod.stream().allMatch(p -> p.pod().spec().zones().get(0).equals(zone))) {
            LoadedPod last = prod.get(prod.size() - 1);
            findings.add(Finding.error(last.where().at("spec.zones[0]"), "all prod pods are single-zone in " + zone
                    + ": one zone outage would take every prod pod down; move at least one to another zone"));
        }
    }

    private static void vpcsDisjoint(List<LoadedPod> pods, List<Finding> findings) {
        for (int i = 0; i < pods.size(); i++) {
            for (int j = 0; j < i; j++) {
                LoadedPod a = pods.get(j), b = pods.get(i);
                if (!a.pod().spec().region().equals(b.pod().spec().region())) {
                    continue;
                }
                Optional<Ipv4Cidr> ca = cidr(a.pod().spec().network()), cb = cidr(b.pod().spec().network());
                if (ca.isPresent() && cb.isPresent() && ca.get().overlaps(cb.get())) {
                    findings.add(Finding.error(b.where().at("spec.network.vpcCidr"), "VPC CIDR " + b.pod().spec().network().vpcCidr()
                            + " overlaps pod " + a.name() + " (" + a.pod().spec().network().vpcCidr() + ") in region "
                            + b.pod().spec().region()));
                }
            }
        }
    }

    private static Optional<Ipv4Cidr> cidr(Network network) {
        return network.vpcCidr() == null ? Optional.empty() : Ipv4Cidr.parse(network.vpcCidr());
    }

    private static int wave(LoadedPod pod) {
        return pod.pod().spec().rollout().wave();
    }
}
