package io.podctl.plan.render;

import io.podctl.spec.model.Artifact;
import java.util.List;

/**
 * What an install step needs: the version, its manifest entry (null when the manifest has none:
 * the step then fails with that reason; validate refuses such a pod first) and per component a
 * few facts of the host.
 *
 * @param confDir         ZooKeeper: ZOOCFGDIR, where its logging configuration must be
 * @param packageUnitsOff Mesos: the package's own units that must not run on this host
 * @param java8Home       Marathon: the image's Java 8
 */
public record InstallModel(String version, Artifact artifact, String confDir, List<String> packageUnitsOff, String java8Home) {

    public InstallModel {
        packageUnitsOff = List.copyOf(packageUnitsOff);
    }
}
