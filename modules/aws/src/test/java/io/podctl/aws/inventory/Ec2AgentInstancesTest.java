package io.podctl.aws.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

@ExtendWith(MotoServer.class)
class Ec2AgentInstancesTest {

    private final AwsContext aws;

    Ec2AgentInstancesTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void terminatesOnlyTheAgentAtTheAddressAndReadsEachInstancesVersion() {
        try (Ec2Client ec2 = aws.ec2()) {
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            Instance old = launch(ec2, image, "prd-pod-1", "agents-general", "mesos=1.10.0");
            Instance upgraded = launch(ec2, image, "prd-pod-1", "agents-general", "mesos=1.11.0");
            Instance otherPool = launch(ec2, image, "prd-pod-1", "agents-memory", "mesos=1.10.0");
            Ec2AgentInstances pool = new Ec2AgentInstances(aws);

            assertThat(pool.versions("prd-pod-1", "agents-general"))
                    .containsEntry(old.instanceId(), "mesos=1.10.0").containsEntry(upgraded.instanceId(), "mesos=1.11.0").hasSize(2);

            assertThat(pool.terminate("prd-pod-1", "agents-general", old.privateIpAddress())).isEqualTo(old.instanceId());

            assertThat(pool.versions("prd-pod-1", "agents-general")).containsOnlyKeys(upgraded.instanceId());
            assertThat(pool.versions("prd-pod-1", "agents-memory")).containsOnlyKeys(otherPool.instanceId());
            assertThatThrownBy(() -> pool.terminate("prd-pod-1", "agents-general", otherPool.privateIpAddress()))
                    .hasMessageContaining("has 0 running instances at");
        }
    }

    private static Instance launch(Ec2Client ec2, String image, String pod, String node, String versions) {
        return ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key(PodTags.POD).value(pod).build(), Tag.builder().key(PodTags.NODE).value(node).build(),
                                Tag.builder().key(PodTags.VERSION).value(versions).build())))
                .instances().get(0);
    }
}
