package io.podctl.aws.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import io.podctl.aws.command.SsmRunCommand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;

import java.time.Duration;

/** moto records Run Command requests and reports them successful without running them. */
@ExtendWith(MotoServer.class)
class SsmServiceStopperTest {

    private final AwsContext aws;

    SsmServiceStopperTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void stopsTheUnitOnTheNodeAndLeavesTheSharedHostRunning() {
        try (Ec2Client ec2 = aws.ec2(); SsmRunCommand remote = new SsmRunCommand(aws, Duration.ofMillis(50))) {
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            String host = launch(ec2, image, "not-prod-pod-1", "control-2");
            launch(ec2, image, "not-prod-pod-1", "control-3");

            String stoppedOn = new SsmServiceStopper(aws, remote, Duration.ofSeconds(30)).stop("not-prod-pod-1", "control-2", "marathon");

            assertThat(stoppedOn).isEqualTo(host);
            assertThat(ec2.describeInstances(r -> r.instanceIds(host)).reservations().get(0).instances().get(0).state().nameAsString())
                    .isEqualTo("running");
            try (SsmClient ssm = aws.ssm()) {
                Command sent = ssm.listCommands(r -> r.instanceId(host)).commands().get(0);
                assertThat(sent.parameters().get("commands").get(0)).startsWith("systemctl stop marathon.service");
            }
        }
    }

    @Test
    void aNodeWithoutARunningInstanceIsAnError() {
        try (SsmRunCommand remote = new SsmRunCommand(aws, Duration.ofMillis(50))) {
            assertThatThrownBy(() -> new SsmServiceStopper(aws, remote, Duration.ofSeconds(30)).stop("not-prod-pod-1", "control-9", "marathon"))
                    .hasMessageContaining("control-9 has 0 running instances");
        }
    }

    private static String launch(Ec2Client ec2, String image, String pod, String node) {
        return ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key(PodTags.POD).value(pod).build(), Tag.builder().key(PodTags.NODE).value(node).build())))
                .instances().get(0).instanceId();
    }
}
