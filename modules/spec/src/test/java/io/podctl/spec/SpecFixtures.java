package io.podctl.spec;

import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Specs for tests in every module: the repo's example fleet, and a small valid pod to break. */
public final class SpecFixtures {
    private SpecFixtures() {}

    /** The repository root (surefire sets podctl.root; tests run from a module directory otherwise). */
    public static Path repoRoot() {
        String root = System.getProperty("podctl.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !p.resolve("pods").toFile().isDirectory()) {
            p = p.getParent();
        }
        return p;
    }

    public static Path podsDir() {
        return repoRoot().resolve("pods");
    }

    public static SpecSet exampleFleet() {
        return SpecLoader.load(List.of(podsDir()));
    }

    public static Pod examplePod(String name) {
        SpecSet set = exampleFleet();
        if (set.hasErrors()) {
            throw new IllegalStateException("example fleet does not validate: " + set.findings());
        }
        return set.find(name).orElseThrow().pod();
    }

    /** A complete, valid prod pod with no fleet defaults; line numbers are relied on by tests. */
    public static String prodPod(String name) {
        return """
                apiVersion: podctl/v1
                kind: Pod
                metadata:
                  name: %1$s
                spec:
                  tier: prod
                  region: us-west-2
                  zones: [us-west-2a, us-west-2b, us-west-2c]
                  placement: stripe
                  colocation: dedicated
                  network:
                    vpcCidr: 10.10.0.0/16
                  image:
                    ami: ami-0123456789abcdef0
                  versions:
                    zookeeper: 3.8.4
                    mesos: 1.11.0
                    marathon: 1.11.24
                  masters:
                    instanceType: m5.large
                    dataVolumeGiB: 50
                  agents:
                    - name: general
                      instanceType: c5.2xlarge
                      count: 6
                      attributes: {workload: general}
                  access:
                    adminCidrs: [10.0.0.0/8]
                  secrets:
                    marathonHttpCredentials: ssm:/pods/%1$s/marathon/http-credentials
                  rollout:
                    wave: 3
                    soak: 24h
                    window: {days: [Sat, Sun], start: "02:00", end: "06:00", timeZone: UTC}
                """.formatted(name);
    }

    /** A valid not-prod pod: single zone, shared hosts, wave 1. */
    public static String notProdPod(String name, String zone, String vpcCidr) {
        return prodPod(name)
                .replace("tier: prod", "tier: not-prod")
                .replace("zones: [us-west-2a, us-west-2b, us-west-2c]", "zones: [" + zone + "]")
                .replace("placement: stripe", "placement: single-zone")
                .replace("colocation: dedicated", "colocation: shared")
                .replace("vpcCidr: 10.10.0.0/16", "vpcCidr: " + vpcCidr)
                .replace("wave: 3", "wave: 1");
    }

    /** Loads in-memory files, e.g. {@code Map.of("pods/a.yaml", text)}. */
    public static SpecSet load(Map<String, String> files) {
        List<SpecLoader.Source> sources = new ArrayList<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sources.add(new SpecLoader.Source(e.getKey(), e.getValue())));
        return SpecLoader.loadSources(sources);
    }

    public static Pod pod(String name, String text) {
        SpecSet set = load(Map.of("pods/" + name + ".yaml", text));
        if (set.hasErrors()) {
            throw new IllegalStateException("pod does not validate: " + set.findings());
        }
        return set.find(name).orElseThrow().pod();
    }
}
