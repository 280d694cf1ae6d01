package io.podctl.aws.inventory;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.List;

/**
 * Stops a node's running instance, found by its {@code podctl:pod} and {@code podctl:node} tags.
 * Marathon's HA upgrade needs instances stopped before their replacement; Pulumi cannot stop one.
 */
public final class Ec2NodeStopper {

    private final AwsContext context;

    public Ec2NodeStopper(AwsContext context) {
        this.context = context;
    }

    /** @return the instances asked to stop (none when the node is already stopped) */
    public List<String> stop(String pod, String node) {
        try (Ec2Client ec2 = context.ec2()) {
            List<String> running =
                    ec2
                            .describeInstancesPaginator(
                                    r ->
                                            r.filters(
                                                    tag(PodTags.POD, pod),
                                                    tag(PodTags.NODE, node),
                                                    Filter.builder()
                                                            .name("instance-state-name")
                                                            .values("pending", "running")
                                                            .build()))
                            .reservations()
                            .stream()
                            .flatMap(res -> res.instances().stream())
                            .map(i -> i.instanceId())
                            .toList();
            if (!running.isEmpty()) {
                ec2.stopInstances(r -> r.instanceIds(running));
            }
            return running;
        } catch (SdkException e) {
            throw AwsErrors.failed("StopInstances for " + pod + "/" + node, e);
        }
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }
}
