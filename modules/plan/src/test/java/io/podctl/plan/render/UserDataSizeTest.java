package io.podctl.plan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.UserData;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** EC2 refuses user data over 16,384 raw bytes: every host must fit, with room to grow. */
class UserDataSizeTest {
    /** The longest name the spec allows. */
    static final String LONGEST_NAME = "a234567890123456789012345678901234567890";

    @ParameterizedTest
    @ValueSource(strings = {"shared", "dedicated"})
    void aPodWithTheLongestNameAndTwentyPoolsFitsWithHalfTheLimitToSpare(String colocation) {
        PodPlan plan = PodPlanner.plan(worstCase(colocation));

        assertThat(plan.agentGroups()).hasSize(20);
        assertThat(UserData.oversized(plan)).isEmpty();
        for (Host host : plan.controlHosts()) {
            assertThat(UserData.size(host.userData())).as(host.node()).isLessThan(UserData.EC2_LIMIT_BYTES / 2);
        }
        if (colocation.equals("shared")) {
            // uncompressed, a shared host would already be refused: compression is what makes it fit
            assertThat(plan.controlHosts()).allSatisfy(h -> assertThat(h.userData().getBytes(StandardCharsets.UTF_8).length)
                    .isGreaterThan(UserData.EC2_LIMIT_BYTES));
        }
        plan.agentGroups().forEach(g -> assertThat(UserData.size(g.userData())).as(g.pool()).isLessThan(UserData.EC2_LIMIT_BYTES / 2));
    }

    @Test
    void whatEc2ReceivesInflatesToTheCloudConfigAndIsTheSameOnEveryRun() throws IOException {
        Host host = PodPlanner.plan(worstCase("shared")).controlHosts().get(0);

        byte[] sent = UserData.gzip(host.userData());

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(sent))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(host.userData());
        }
        assertThat(UserData.gzip(host.userData())).isEqualTo(sent);
        // no time stamp in the gzip header (bytes 4..7): a re-render must not replace the host
        assertThat(List.of(sent[4], sent[5], sent[6], sent[7])).containsOnly((byte) 0);
    }

    @Test
    void aHostOverTheLimitIsNamedWithItsSize() {
        PodPlan plan = PodPlanner.plan(worstCase("shared"));
        // random text does not compress: what an ever-growing template would eventually do
        byte[] noise = new byte[UserData.EC2_LIMIT_BYTES];
        new Random(11).nextBytes(noise);
        String huge = "#cloud-config\n# " + java.util.Base64.getEncoder().encodeToString(noise) + "\n";
        List<Host> hosts = new ArrayList<>(plan.controlHosts());
        hosts.set(1, hosts.get(1).withConfig(hosts.get(1).files(), huge));
        PodPlan grown = plan.withMachines(hosts, plan.agentGroups());

        List<UserData.Oversized> over = UserData.oversized(grown);

        assertThat(over).hasSize(1);
        assertThat(over.get(0).node()).isEqualTo("control-2");
        assertThat(over.get(0).bytes()).isGreaterThan(UserData.EC2_LIMIT_BYTES);
        assertThat(over.get(0).toString()).startsWith("pod " + LONGEST_NAME + ", control-2: user data is ")
                .endsWith("EC2 accepts at most 16384");
    }

    static io.podctl.spec.model.Pod worstCase(String colocation) {
        StringBuilder pools = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            pools.append("    - {name: pool-with-a-long-n-").append(String.format("%02d", i))
                    .append(", instanceType: c5.2xlarge, count: 3, attributes: {workload: w").append(i).append(", rack: r").append(i).append("}}\n");
        }
        String text = """
                apiVersion: podctl/v1
                kind: Pod
                metadata:
                  name: %1$s
                  labels: {team: platform}
                spec:
                  tier: not-prod
                  region: us-west-2
                  zones: [us-west-2a, us-west-2b, us-west-2c]
                  placement: stripe
                  colocation: %2$s
                  network: {vpcCidr: 10.30.0.0/16}
                  image: {ami: ami-0123456789abcdef0}
                  versions: {zookeeper: 3.8.4, mesos: 1.11.0, marathon: 1.11.24}
                  masters: {instanceType: m5.large, dataVolumeGiB: 50}
                  agents:
                %3$s  access: {adminCidrs: [10.0.0.0/8], sshKeyName: platform-ops}
                  secrets: {marathonHttpCredentials: ssm:/pods/%1$s/marathon/http-credentials}
                  rollout: {wave: 1, soak: 6h, window: {days: [Mon], start: "09:00", end: "16:00", timeZone: UTC}}
                """.formatted(LONGEST_NAME, colocation, pools);
        SpecSet set = SpecLoader.loadSources(List.of(new SpecLoader.Source(LONGEST_NAME + ".yaml", text)));
        assertThat(set.findings()).filteredOn(f -> f.isError()).isEmpty();
        return set.validPods().get(0);
    }
}
