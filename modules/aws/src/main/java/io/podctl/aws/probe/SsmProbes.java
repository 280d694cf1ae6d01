package io.podctl.aws.probe;

import io.podctl.aws.command.RemoteCommand;
import io.podctl.rollout.health.ProbeTransport;
import java.time.Duration;
import java.util.Optional;

/** Every probe of a pod carried by Run Command on the pod's own hosts. */
public final class SsmProbes {

    /** One command's limit, delivery included; a probe that takes longer reads as unreachable. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private SsmProbes() {}

    /**
     * @param marathon where Marathon hosts read Marathon's credentials; empty when it has none
     * @param mesosOperator where master hosts read the operator credential; empty when masters do not authenticate HTTP
     */
    public static ProbeTransport transport(RemoteCommand remote, HostInstances instances, Duration deadline,
                                           Optional<HostSecret> marathon, Optional<HostSecret> mesosOperator) {
        return new ProbeTransport(new SsmFourLetterWords(remote, instances, deadline),
                new SsmHttpTransport(remote, instances, deadline, mesosOperator),
                new SsmHttpTransport(remote, instances, deadline, marathon));
    }
}
