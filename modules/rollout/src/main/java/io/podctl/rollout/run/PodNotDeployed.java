package io.podctl.rollout.run;

/**
 * The pod has no deployed state at all: it has nothing to upgrade, and its first {@code up}
 * deploys it at the spec's versions.
 */
public final class PodNotDeployed extends DriverException {

    public PodNotDeployed(String pod) {
        super("pod " + pod + " is not deployed (no stack yet): 'podctl up " + pod + "' deploys it at its spec's versions");
    }
}
