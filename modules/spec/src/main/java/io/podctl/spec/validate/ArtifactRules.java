package io.podctl.spec.validate;

import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.model.Artifact;
import io.podctl.spec.model.ArtifactManifest;
import io.podctl.spec.model.Versions;
import io.podctl.spec.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The artifact manifest (pods/artifacts.yaml): well-formed entries, and an entry for every
 * version a pod runs, reported at that pod's version line, so a host never boots into an
 * install that cannot succeed.
 */
public final class ArtifactRules {
    static final Set<String> COMPONENTS = Set.of(ArtifactManifest.ZOOKEEPER, ArtifactManifest.MESOS, ArtifactManifest.MARATHON);
    private static final Pattern URL = Pattern.compile("(https://[^\\s/]+|s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/\\S+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    private ArtifactRules() {}

    /** Entries of the manifest file itself; {@code where} holds its positions. */
    public static List<Finding> checkFile(ArtifactManifest manifest, SourceMap where) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, Map<String, Artifact>> component : manifest.components().entrySet()) {
            String name = component.getKey();
            String at = "spec." + name;
            if (!COMPONENTS.contains(name)) {
                String hint = Suggestions.nearest(name, COMPONENTS).map(n -> "; did you mean '" + n + "'?").orElse("");
                findings.add(Finding.error(where.at(at), "unknown component '" + name + "' (zookeeper, mesos or marathon)" + hint));
                continue;
            }
            for (Map.Entry<String, Artifact> entry : component.getValue().entrySet()) {
                String version = entry.getKey();
                Artifact artifact = entry.getValue();
                String entryAt = at + "." + version;
                if (!VersionNumbers.isDotted(version)) {
                    findings.add(Finding.error(where.at(entryAt), name + " version '" + version + "' must be a dotted numeric version"));
                }
                if (artifact.url() != null && !URL.matcher(artifact.url()).matches()) {
                    findings.add(Finding.error(where.at(entryAt + ".url"),
                            name + " " + version + ": url must be https://HOST/PATH or s3://BUCKET/KEY on the team's mirror"));
                }
                if ((artifact.sha256() == null) == (artifact.sha512() == null)) {
                    findings.add(Finding.error(where.at(entryAt), name + " " + version + ": give exactly one of sha256 and sha512"));
                } else if (artifact.sha256() != null && !SHA256.matcher(artifact.sha256()).matches()) {
                    findings.add(Finding.error(where.at(entryAt + ".sha256"), name + " " + version + ": sha256 must be 64 lower-case hex digits"));
                } else if (artifact.sha512() != null && !SHA512.matcher(artifact.sha512()).matches()) {
                    findings.add(Finding.error(where.at(entryAt + ".sha512"), name + " " + version + ": sha512 must be 128 lower-case hex digits"));
                }
                if (name.equals(ArtifactManifest.MARATHON)) {
                    if (artifact.libmesos() == null) {
                        findings.add(Finding.error(where.at(entryAt), "marathon " + version
                                + ": name the Mesos version of its libmesos (libmesos: 1.11.0); dedicated Marathon hosts install it"));
                    } else if (manifest.find(ArtifactManifest.MESOS, artifact.libmesos()).isEmpty()) {
                        findings.add(Finding.error(where.at(entryAt + ".libmesos"), "marathon " + version + " needs libmesos "
                                + artifact.libmesos() + ", which has no mesos entry in the manifest"));
                    }
                } else if (artifact.libmesos() != null) {
                    findings.add(Finding.error(where.at(entryAt + ".libmesos"), "libmesos is a field of marathon entries only"));
                }
            }
        }
        return findings;
    }

    /** One error per version of the pod that has no entry, at the line that sets the version. */
    public static List<Finding> checkPod(LoadedPod loaded, ArtifactManifest manifest, String manifestFile) {
        List<Finding> findings = new ArrayList<>();
        Versions versions = loaded.pod().spec().versions();
        Map<String, String> byComponent = Map.of(ArtifactManifest.ZOOKEEPER, versions.zookeeper(), ArtifactManifest.MESOS,
                versions.mesos(), ArtifactManifest.MARATHON, versions.marathon());
        for (String component : List.of(ArtifactManifest.ZOOKEEPER, ArtifactManifest.MESOS, ArtifactManifest.MARATHON)) {
            String version = byComponent.get(component);
            if (manifest.find(component, version).isEmpty()) {
                findings.add(Finding.error(loaded.where().at("spec.versions." + component), "pod " + loaded.name() + ": " + component + " "
                        + version + " has no entry in " + manifestFile + "; hosts could not install it"));
            }
        }
        return findings;
    }
}
