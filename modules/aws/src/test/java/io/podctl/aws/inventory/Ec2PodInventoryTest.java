package io.podctl.aws.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2PodInventoryTest {

    private static final String POD = "prd-pod-1";

    private final AwsContext aws;
    private final AtomicInteger describeCalls = new AtomicInteger();
    private String image;

    Ec2PodInventoryTest(AwsContext aws) {
        this.aws = aws;
    }

    @BeforeAll
    void launchPod() {
        try (Ec2Client ec2 = aws.ec2()) {
            image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            launch(ec2, POD, "us-west-2a", "zk-1", "zookeeper", "3.8.4");
            launch(ec2, POD, "us-west-2b", "zk-2", "zookeeper", "3.8.4");
            launch(ec2, POD, "us-west-2c", "zk-3", "zookeeper", "3.9.5");
            launch(ec2, POD, "us-west-2a", "agent-1", "agent", "1.11.0");
            launch(ec2, POD, "us-west-2b", "agent-2", "agent", "1.11.0");
            launch(ec2, POD, "us-west-2c", "old-agent-7", "agent", "1.10.0");
            launch(ec2, POD, "us-west-2a", null, null, null);
            launch(ec2, "other-pod", "us-west-2a", "zk-1", "zookeeper", "3.8.4");
            String gone = launch(ec2, POD, "us-west-2b", "master-1", "mesos-master", "1.11.0");
            ec2.terminateInstances(r -> r.instanceIds(gone));
        }
    }

    @Test
    void findsEveryLiveInstanceOfThePodAcrossPages() {
        PodInventory inventory = new Ec2PodInventory(countingDescribes(), 5);

        List<PodInstance> instances = inventory.instances(POD);

        assertThat(instances).hasSize(7);
        // moto pages by reservation and each instance above is its own reservation
        assertThat(describeCalls.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reportsZoneStateAddressAndPodcltTags() {
        List<PodInstance> instances = new Ec2PodInventory(aws).instances(POD);

        PodInstance zk3 =
                instances.stream()
                        .filter(i -> i.node().equals(Optional.of("zk-3")))
                        .findFirst()
                        .orElseThrow();
        assertThat(zk3.instanceId()).startsWith("i-");
        assertThat(zk3.zone()).isEqualTo("us-west-2c");
        assertThat(zk3.state()).isEqualTo("running");
        assertThat(zk3.privateIp())
                .hasValueSatisfying(ip -> assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(zk3.role()).contains("zookeeper");
        assertThat(zk3.version()).contains("3.9.5");
    }

    @Test
    void terminatedInstancesAndOtherPodsAreLeftOut() {
        List<PodInstance> instances = new Ec2PodInventory(aws).instances(POD);

        assertThat(instances).extracting(PodInstance::node).doesNotContain(Optional.of("master-1"));
        assertThat(new Ec2PodInventory(aws).instances("other-pod")).hasSize(1);
        assertThat(new Ec2PodInventory(aws).instances("no-such-pod")).isEmpty();
    }

    @Test
    void statusShowsMissingExtraAndDriftedNodes() {
        List<ExpectedNode> plan =
                List.of(
                        new ExpectedNode("zk-1", "zookeeper", "3.8.4"),
                        new ExpectedNode("zk-2", "zookeeper", "3.8.4"),
                        new ExpectedNode("zk-3", "zookeeper", "3.8.4"),
                        new ExpectedNode("master-1", "mesos-master", "1.11.0"),
                        new ExpectedNode("agent-1", "agent", "1.11.0"),
                        new ExpectedNode("agent-2", "agent", "1.11.0"));

        InventoryDiff diff =
                InventoryDiff.compare(plan, new Ec2PodInventory(aws, 5).instances(POD));

        assertThat(diff.missing()).extracting(ExpectedNode::node).containsExactly("master-1");
        assertThat(diff.drifted())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.expected().node()).isEqualTo("zk-3");
                            assertThat(d.actualVersion()).isEqualTo("3.9.5");
                        });
        assertThat(diff.extra())
                .extracting(i -> i.node().orElse("(untagged)"))
                .containsExactlyInAnyOrder("old-agent-7", "(untagged)");
        assertThat(diff.inSync()).isFalse();
    }

    private AwsContext countingDescribes() {
        return aws.withInterceptor(
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(
                            Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if ("DescribeInstances"
                                .equals(
                                        attributes.getAttribute(
                                                SdkExecutionAttribute.OPERATION_NAME))) {
                            describeCalls.incrementAndGet();
                        }
                    }
                });
    }

    /** One RunInstances per host, as the infra program does, so each is its own reservation. */
    private String launch(
            Ec2Client ec2, String pod, String zone, String node, String role, String version) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.builder().key(PodTags.POD).value(pod).build());
        if (node != null) {
            tags.add(Tag.builder().key(PodTags.NODE).value(node).build());
            tags.add(Tag.builder().key(PodTags.ROLE).value(role).build());
            tags.add(Tag.builder().key(PodTags.VERSION).value(version).build());
        }
        return ec2.runInstances(
                        r ->
                                r.imageId(image)
                                        .minCount(1)
                                        .maxCount(1)
                                        .placement(p -> p.availabilityZone(zone))
                                        .tagSpecifications(
                                                t ->
                                                        t.resourceType(ResourceType.INSTANCE)
                                                                .tags(tags)))
                .instances()
                .get(0)
                .instanceId();
    }
}
