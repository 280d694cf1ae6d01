package io.podctl.aws.probe;

import java.io.IOException;

/** The instance that serves a probe's target host name (a pod's private DNS name). */
@FunctionalInterface
public interface HostInstances {

    /** @throws IOException when no running instance serves {@code host}: the probe reads that as unreachable */
    String instanceOf(String host) throws IOException;
}
