package io.podctl.aws.inventory;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import io.podctl.plan.SubnetClash.DeployedSubnet;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/** The subnets a pod has in AWS now, found by its {@code podctl:pod} tag. */
public final class Ec2PodSubnets {

    private final AwsContext context;

    public Ec2PodSubnets(AwsContext context) {
        this.context = context;
    }

    public List<DeployedSubnet> of(String pod) {
        Filter byPod = Filter.builder().name("tag:" + PodTags.POD).values(pod).build();
        try (Ec2Client ec2 = context.ec2()) {
            return ec2.describeSubnetsPaginator(r -> r.filters(byPod)).subnets().stream()
                    .map(s -> new DeployedSubnet(s.subnetId(), s.availabilityZone(), s.cidrBlock()))
                    .sorted(Comparator.comparing(DeployedSubnet::range))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.failed("DescribeSubnets for pod " + pod, e);
        }
    }
}
