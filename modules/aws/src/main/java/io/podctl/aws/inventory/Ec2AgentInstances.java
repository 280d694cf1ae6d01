package io.podctl.aws.inventory;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent pool's instances as EC2 has them. Each instance carries the {@code podctl:versions}
 * tag of the launch template version it booted from, so the pool's per-agent versions are known
 * without trusting the template. Replacing one agent terminates its instance; the auto scaling
 * group launches the replacement from the template's latest version.
 */
public final class Ec2AgentInstances {

    private final AwsContext context;

    public Ec2AgentInstances(AwsContext context) {
        this.context = context;
    }

    /** @param poolNode the pool's node tag, e.g. agents-general; @return versions tag per running instance, by instance id */
    public Map<String, String> versions(String pod, String poolNode) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Instance instance : running(pod, poolNode)) {
            versions.put(instance.instanceId(), instance.tags().stream().filter(t -> t.key().equals(PodTags.VERSION))
                    .map(t -> t.value()).findFirst().orElse(""));
        }
        return versions;
    }

    /**
     * Terminates the pool's one running instance at {@code privateIp}.
     *
     * @throws IllegalStateException when the pool has no instance at that address
     */
    public String terminate(String pod, String poolNode, String privateIp) {
        List<String> matching = new ArrayList<>();
        for (Instance instance : running(pod, poolNode)) {
            if (privateIp.equals(instance.privateIpAddress())) {
                matching.add(instance.instanceId());
            }
        }
        if (matching.size() != 1) {
            throw new IllegalStateException(pod + "/" + poolNode + " has " + matching.size() + " running instances at " + privateIp);
        }
        try (Ec2Client ec2 = context.ec2()) {
            ec2.terminateInstances(r -> r.instanceIds(matching));
        } catch (SdkException e) {
            throw AwsErrors.failed("TerminateInstances for " + pod + "/" + poolNode + " at " + privateIp, e);
        }
        return matching.get(0);
    }

    private List<Instance> running(String pod, String poolNode) {
        try (Ec2Client ec2 = context.ec2()) {
            return ec2.describeInstancesPaginator(r -> r.filters(tag(PodTags.POD, pod), tag(PodTags.NODE, poolNode),
                            Filter.builder().name("instance-state-name").values("pending", "running").build()))
                    .reservations().stream().flatMap(res -> res.instances().stream()).toList();
        } catch (SdkException e) {
            throw AwsErrors.failed("DescribeInstances for " + pod + "/" + poolNode, e);
        }
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }
}
