package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.SpecFixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** {@code podctl status} shows each host's boot marker, as the bootstrap writes it to SSM, and fails on a failed boot. */
@ExtendWith(MotoServer.class)
class BootStatusCliTest {
    private static final String POD = "not-prod-pod-1";

    @TempDir
    Path dir;

    private final MotoEndpoint moto;
    private final AwsContext aws;

    BootStatusCliTest(MotoEndpoint moto, AwsContext aws) {
        this.moto = moto;
        this.aws = aws.withRegion("us-west-2");
    }

    private Podctl.Result status() {
        return Podctl.run(dir, Map.of("AWS_ACCESS_KEY_ID", MotoEndpoint.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoEndpoint.SECRET_KEY,
                "AWS_REGION", "us-west-2", "AWS_EC2_METADATA_DISABLED", "true"), null, "status", POD, "--endpoint-url", moto.uri().toString());
    }

    @Test
    void aFailedBootStepShowsPerHostAndFailsAPodThatIsOtherwiseInSync() throws Exception {
        Podctl.copyFleet(dir);
        PodPlan plan = PodPlanner.plan(SpecFixtures.examplePod(POD));
        String agent;
        try (Ec2Client ec2 = aws.ec2()) {
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            for (Host host : plan.controlHosts()) {
                launch(ec2, image, host.zone(), host.tags());
            }
            AgentGroup pool = plan.agentGroups().get(0);
            agent = launch(ec2, image, plan.zones().get(0), pool.tags());
            launch(ec2, image, plan.zones().get(0), pool.tags());
            launch(ec2, image, plan.zones().get(0), pool.tags());
        }
        marker("control-1", "booted podctl-install-marathon 2026-12-03T10:00:00Z");
        marker("control-2", "failed podctl-install-mesos 2026-12-03T10:01:00Z");
        marker("agents-general/" + agent, "booted podctl-install-mesos 2026-12-03T10:02:00Z");

        var failed = status();

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.stdout()).contains("in sync\n", "boot failed: ")
                .containsPattern("control-1\\t.*\\tboot: ok\\n")
                .containsPattern("control-2\\t.*\\tboot: failed at step podctl-install-mesos \\(2026-12-03T10:01:00Z\\)\\n")
                .containsPattern("control-3\\t.*\\tboot: no marker yet\\n")
                .containsPattern("agent agents-general\\t" + agent + "\\t.*\\tboot: ok\\n");

        marker("control-2", "booted podctl-install-marathon 2026-12-03T10:05:00Z");
        var repaired = status();

        assertThat(repaired.exitCode()).as(repaired.all()).isZero();
        assertThat(repaired.stdout()).contains("in sync\n").doesNotContain("boot failed").doesNotContain("failed at step");
    }

    private static String launch(Ec2Client ec2, String image, String zone, Map<String, String> tags) {
        return ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).instanceType("t3.large")
                .placement(p -> p.availabilityZone(zone))
                .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())))
                .instances().get(0).instanceId();
    }

    private void marker(String key, String value) {
        try (SsmClient ssm = aws.ssm()) {
            ssm.putParameter(r -> r.name("/pods/" + POD + "/status/" + key).type(ParameterType.STRING).overwrite(true).value(value));
        }
    }
}
