package io.podctl.aws.inventory;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import io.podctl.aws.command.CommandResult;
import io.podctl.aws.command.RemoteCommand;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stops one role's systemd unit on a node through Run Command and leaves the host running. On a
 * shared host (ZooKeeper, a Mesos master and Marathon together) stopping the instance would take
 * the other two roles down; Marathon's HA upgrade only needs its own process stopped.
 */
public final class SsmServiceStopper {

    private static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9-]*");

    private final AwsContext context;
    private final RemoteCommand remote;
    private final Duration deadline;

    public SsmServiceStopper(AwsContext context, RemoteCommand remote, Duration deadline) {
        this.context = context;
        this.remote = remote;
        this.deadline = deadline;
    }

    /**
     * @param unit the systemd unit without its suffix: zookeeper, mesos-master, marathon
     * @return the instance the unit was stopped on
     * @throws IllegalStateException when the node has no running instance or the command failed
     */
    public String stop(String pod, String node, String unit) {
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("not a unit name: " + unit);
        }
        String instance = runningInstance(pod, node);
        // stopped already is fine: the procedure may be resumed after this step
        CommandResult result = remote.run(instance, "systemctl stop " + unit + ".service && ! systemctl is-active --quiet " + unit
                + ".service", deadline);
        if (!result.succeeded()) {
            throw new IllegalStateException("systemctl stop " + unit + " on " + pod + "/" + node + " (" + instance + "): "
                    + result.outcome().name().toLowerCase() + (result.detail().isBlank() ? "" : ", " + result.detail()));
        }
        return instance;
    }

    private String runningInstance(String pod, String node) {
        try (Ec2Client ec2 = context.ec2()) {
            List<String> running = ec2.describeInstancesPaginator(r -> r.filters(tag(PodTags.POD, pod), tag(PodTags.NODE, node),
                            Filter.builder().name("instance-state-name").values("running").build()))
                    .reservations().stream().flatMap(res -> res.instances().stream()).map(i -> i.instanceId()).toList();
            if (running.size() != 1) {
                throw new IllegalStateException(pod + "/" + node + " has " + running.size() + " running instances, expected 1");
            }
            return running.get(0);
        } catch (SdkException e) {
            throw AwsErrors.failed("DescribeInstances for " + pod + "/" + node, e);
        }
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }
}
