package io.podctl.aws.inventory;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

import java.util.List;

/**
 * An EBS snapshot of a ZooKeeper host's data volume (the one named {@code <host>-data}), taken
 * before Marathon is upgraded: Marathon keeps its state in ZooKeeper and migrates it on upgrade.
 * The snapshot is crash-consistent, which ZooKeeper's snapshot plus transaction log recover from.
 */
public final class ZooKeeperVolumeSnapshot {

    private final AwsContext context;

    public ZooKeeperVolumeSnapshot(AwsContext context) {
        this.context = context;
    }

    /** @param hostName the host's resource name, e.g. prd-pod-1-zk-1; @return the snapshot id */
    public String snapshot(String pod, String hostName, String reason) {
        try (Ec2Client ec2 = context.ec2()) {
            List<Volume> volumes = ec2.describeVolumesPaginator(r -> r.filters(
                            Filter.builder().name("tag:" + PodTags.POD).values(pod).build(),
                            Filter.builder().name("tag:Name").values(hostName + "-data").build()))
                    .volumes().stream().toList();
            if (volumes.size() != 1) {
                throw new IllegalStateException(pod + " has " + volumes.size() + " data volumes named " + hostName + "-data, expected 1");
            }
            String volume = volumes.get(0).volumeId();
            return ec2.createSnapshot(r -> r.volumeId(volume).description("podctl: " + reason)
                    .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT).tags(
                            Tag.builder().key(PodTags.POD).value(pod).build(),
                            Tag.builder().key("Name").value(hostName + "-data-backup").build())))
                    .snapshotId();
        } catch (SdkException e) {
            throw AwsErrors.failed("CreateSnapshot of " + hostName + "-data", e);
        }
    }
}
