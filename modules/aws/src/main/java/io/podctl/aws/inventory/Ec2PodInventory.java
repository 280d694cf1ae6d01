package io.podctl.aws.inventory;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds a pod's instances by the {@code podctl:pod} tag with DescribeInstances pages. */
public final class Ec2PodInventory implements PodInventory {

    /** EC2 accepts 5..1000; the largest page keeps a big pod to few calls. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final AwsContext context;
    private final int pageSize;

    public Ec2PodInventory(AwsContext context) {
        this(context, MAX_PAGE_SIZE);
    }

    /** A smaller page size only matters to tests that prove pagination. */
    public Ec2PodInventory(AwsContext context, int pageSize) {
        if (pageSize < 5 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("EC2 page size must be 5..1000, got " + pageSize);
        }
        this.context = context;
        this.pageSize = pageSize;
    }

    @Override
    public List<PodInstance> instances(String pod) {
        Filter byPod = Filter.builder().name("tag:" + PodTags.POD).values(pod).build();
        // terminated instances linger for an hour and would show up as extra nodes
        Filter live =
                Filter.builder()
                        .name("instance-state-name")
                        .values("pending", "running", "stopping", "stopped")
                        .build();
        try (Ec2Client ec2 = context.ec2()) {
            return ec2
                    .describeInstancesPaginator(r -> r.filters(byPod, live).maxResults(pageSize))
                    .reservations()
                    .stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .map(Ec2PodInventory::toPodInstance)
                    .sorted(
                            Comparator.comparing((PodInstance i) -> i.node().orElse("~"))
                                    .thenComparing(PodInstance::instanceId))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.failed("DescribeInstances for pod " + pod, e);
        }
    }

    private static PodInstance toPodInstance(Instance instance) {
        return new PodInstance(
                instance.instanceId(),
                instance.placement() == null ? "" : instance.placement().availabilityZone(),
                instance.state() == null ? "unknown" : instance.state().nameAsString(),
                Optional.ofNullable(instance.privateIpAddress()),
                tag(instance, PodTags.ROLE),
                tag(instance, PodTags.NODE),
                tag(instance, PodTags.VERSION));
    }

    private static Optional<String> tag(Instance instance, String key) {
        return instance.tags().stream()
                .filter(t -> key.equals(t.key()))
                .map(Tag::value)
                .findFirst();
    }
}
