package io.podctl.aws.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;

@ExtendWith(MotoServer.class)
class ZooKeeperVolumeSnapshotTest {

    private final AwsContext aws;

    ZooKeeperVolumeSnapshotTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void snapshotsTheHostsDataVolumeAndNothingElse() {
        try (Ec2Client ec2 = aws.ec2()) {
            String data = volume(ec2, "prd-pod-1", "prd-pod-1-zk-1-data");
            volume(ec2, "prd-pod-1", "prd-pod-1-zk-1-root");
            volume(ec2, "prd-pod-2", "prd-pod-2-zk-1-data");

            String id = new ZooKeeperVolumeSnapshot(aws).snapshot("prd-pod-1", "prd-pod-1-zk-1", "before Marathon 1.11.24");

            Snapshot snapshot = ec2.describeSnapshots(r -> r.snapshotIds(id)).snapshots().get(0);
            assertThat(snapshot.volumeId()).isEqualTo(data);
            assertThat(snapshot.description()).contains("before Marathon 1.11.24");
            assertThatThrownBy(() -> new ZooKeeperVolumeSnapshot(aws).snapshot("prd-pod-1", "prd-pod-1-zk-9", "x"))
                    .hasMessageContaining("0 data volumes");
        }
    }

    private static String volume(Ec2Client ec2, String pod, String name) {
        return ec2.createVolume(r -> r.availabilityZone(ec2.describeAvailabilityZones().availabilityZones().get(0).zoneName()).size(8)
                        .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(Tag.builder().key(PodTags.POD).value(pod).build(),
                                Tag.builder().key("Name").value(name).build())))
                .volumeId();
    }
}
