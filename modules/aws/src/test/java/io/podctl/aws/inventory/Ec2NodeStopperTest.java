package io.podctl.aws.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;

@ExtendWith(MotoServer.class)
class Ec2NodeStopperTest {

    private final AwsContext aws;

    Ec2NodeStopperTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void stopsOnlyTheNamedNodeOfThePod() {
        try (Ec2Client ec2 = aws.ec2()) {
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            String target = launch(ec2, image, "prd-pod-1", "marathon-2");
            String sibling = launch(ec2, image, "prd-pod-1", "marathon-3");
            String otherPod = launch(ec2, image, "prd-pod-2", "marathon-2");

            List<String> stopped = new Ec2NodeStopper(aws).stop("prd-pod-1", "marathon-2");

            assertThat(stopped).containsExactly(target);
            assertThat(state(ec2, target)).isIn("stopping", "stopped");
            assertThat(state(ec2, sibling)).isEqualTo("running");
            assertThat(state(ec2, otherPod)).isEqualTo("running");
            assertThat(new Ec2NodeStopper(aws).stop("prd-pod-1", "marathon-2")).isEmpty();
        }
    }

    private static String state(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id))
                .reservations()
                .get(0)
                .instances()
                .get(0)
                .state()
                .nameAsString();
    }

    private static String launch(Ec2Client ec2, String image, String pod, String node) {
        return ec2.runInstances(
                        r ->
                                r.imageId(image)
                                        .minCount(1)
                                        .maxCount(1)
                                        .tagSpecifications(
                                                t ->
                                                        t.resourceType(ResourceType.INSTANCE)
                                                                .tags(
                                                                        Tag.builder()
                                                                                .key(PodTags.POD)
                                                                                .value(pod)
                                                                                .build(),
                                                                        Tag.builder()
                                                                                .key(PodTags.NODE)
                                                                                .value(node)
                                                                                .build())))
                .instances()
                .get(0)
                .instanceId();
    }
}
