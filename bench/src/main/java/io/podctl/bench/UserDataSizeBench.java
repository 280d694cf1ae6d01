package io.podctl.bench;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.UserData;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * User data per host and agent pool against EC2's 16,384-byte limit (gzip, as EC2 receives it):
 * the example fleet, and a generated worst case (the longest pod name the spec allows, 20 agent
 * pools, shared and dedicated).
 */
final class UserDataSizeBench {
    private static final String LONGEST_NAME = "a234567890123456789012345678901234567890";

    private UserDataSizeBench() {}

    static void run(Path root) throws Exception {
        System.out.println("== user-data (bytes EC2 counts, after gzip; limit " + UserData.EC2_LIMIT_BYTES + ")");
        report(SpecLoader.load(List.of(root.resolve("pods"))));
        Path scratch = Files.createTempDirectory("podctl-bench-user-data");
        Path pods = Files.createDirectories(scratch.resolve("pods"));
        Files.copy(root.resolve("pods").resolve(SpecLoader.ARTIFACTS_FILE), pods.resolve(SpecLoader.ARTIFACTS_FILE));
        // a /20 instead of the generator's /24: 20 pools need the addresses
        Files.writeString(pods.resolve(LONGEST_NAME + ".yaml"), FleetGenerator.pod(LONGEST_NAME, false, 0, 20).replace(".0/24", ".0/20"));
        String dedicated = LONGEST_NAME.substring(0, 39) + "b";
        Files.writeString(pods.resolve(dedicated + ".yaml"), FleetGenerator.pod(dedicated, true, 16, 20).replace(".0/24", ".0/20"));
        System.out.println("-- generated worst case: 40-character names, 20 agent pools");
        report(SpecLoader.load(List.of(pods)));
    }

    private static void report(SpecSet set) {
        if (set.hasErrors()) {
            throw new IllegalStateException("the fleet does not validate: " + set.findings());
        }
        for (Pod pod : set.validPods()) {
            PodPlan plan = PodPlanner.plan(pod);
            int largest = 0;
            for (Host host : plan.controlHosts()) {
                largest = Math.max(largest, line(plan.pod() + " " + host.node(), host.userData()));
            }
            for (AgentGroup group : plan.agentGroups()) {
                largest = Math.max(largest, line(plan.pod() + " " + PodPlanner.agentsNode(group.pool()), group.userData()));
            }
            System.out.printf("%-60s largest %,6d bytes: %.0f%% of the limit%n", plan.pod(), largest,
                    100.0 * largest / UserData.EC2_LIMIT_BYTES);
        }
    }

    private static int line(String label, String cloudConfig) {
        int sent = UserData.size(cloudConfig);
        System.out.printf("  %-70s %,6d bytes (%,6d uncompressed)%n", label, sent,
                cloudConfig.getBytes(StandardCharsets.UTF_8).length);
        return sent;
    }
}
