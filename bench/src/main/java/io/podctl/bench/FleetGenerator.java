package io.podctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes N valid pods (a quarter not-prod, the rest prod) with disjoint VPCs and ordered waves. */
final class FleetGenerator {
    private FleetGenerator() {}

    static Path write(Path dir, int pods, int agentPoolsPerPod) throws IOException {
        Path podsDir = Files.createDirectories(dir.resolve("pods"));
        int notProd = Math.max(1, pods / 4);
        for (int i = 0; i < pods; i++) {
            boolean prod = i >= notProd;
            String name = (prod ? "prd-pod-" : "not-prod-pod-") + (i + 1);
            Files.writeString(podsDir.resolve(name + ".yaml"), pod(name, prod, i, agentPoolsPerPod));
        }
        return podsDir;
    }

    static String pod(String name, boolean prod, int index, int agentPools) {
        StringBuilder agents = new StringBuilder();
        for (int p = 0; p < agentPools; p++) {
            agents.append("    - name: pool-").append(p + 1).append("\n")
                    .append("      instanceType: c5.2xlarge\n")
                    .append("      count: ").append(3 + p % 4).append("\n")
                    .append("      attributes: {workload: pool-").append(p + 1).append("}\n");
        }
        String zones = prod ? "[us-west-2a, us-west-2b, us-west-2c]" : "[us-west-2" + "abc".charAt(index % 3) + "]";
        return """
                apiVersion: podctl/v1
                kind: Pod
                metadata:
                  name: %s
                  labels: {team: bench}
                spec:
                  tier: %s
                  region: us-west-2
                  zones: %s
                  placement: %s
                  colocation: %s
                  network:
                    vpcCidr: 10.%d.%d.0/24
                  image:
                    ami: ami-0123456789abcdef0
                  versions: {zookeeper: 3.8.4, mesos: 1.11.0, marathon: 1.11.24}
                  masters: {instanceType: m5.large, dataVolumeGiB: 50}
                  agents:
                %s  access:
                    adminCidrs: [10.0.0.0/8]
                  secrets:
                    marathonHttpCredentials: ssm:/pods/%s/marathon/http-credentials
                  rollout:
                    wave: %d
                    soak: 24h
                    window: {days: [Sat, Sun], start: "02:00", end: "06:00", timeZone: UTC}
                """.formatted(name, prod ? "prod" : "not-prod", zones, prod ? "stripe" : "single-zone",
                prod ? "dedicated" : "shared", 100 + index / 256, index % 256, agents, name, index + 1);
    }
}
