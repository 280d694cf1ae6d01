package io.podctl.cli;

import io.podctl.aws.AwsContext;
import io.podctl.aws.validate.ArtifactObjects;
import io.podctl.aws.validate.AwsOnlineValidator;
import io.podctl.aws.validate.ImageSource;
import io.podctl.aws.validate.OnlineCheck;
import io.podctl.aws.validate.OnlineFinding;
import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.ArtifactManifest;
import io.podctl.spec.model.PodSpec;
import io.podctl.spec.yaml.SourceMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code validate --online}: AWS's answers about each pod, as findings at the line they concern. */
final class OnlineValidation {

    private OnlineValidation() {}

    /** @param manifest the artifact manifest file the set was loaded with; its objects are checked at their url lines */
    static SpecSet addFindings(SpecSet set, AwsContext aws, Path manifest) {
        AwsOnlineValidator validator = new AwsOnlineValidator(aws);
        List<Finding> findings = new ArrayList<>(set.findings());
        for (LoadedPod pod : set.pods()) {
            if (!pod.complete()) {
                continue;
            }
            PodSpec spec = pod.pod().spec();
            OnlineCheck check = new OnlineCheck(spec.region(), spec.usedZones(), image(spec), List.copyOf(spec.secrets().values()));
            List<OnlineFinding> online = AwsCommands.call(() -> validator.validate(check));
            online.forEach(f -> findings.add(Finding.error(position(pod, f), f.message() + " (online)")));
        }
        findings.addAll(artifactFindings(set, aws, manifest));
        return new SpecSet(set.pods(), findings, set.filesRead());
    }

    /** Each manifest object a pod installs (its versions, and Marathon's libmesos), checked once from the first pod's region. */
    private static List<Finding> artifactFindings(SpecSet set, AwsContext aws, Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        Map<Wanted, String> regionByEntry = new LinkedHashMap<>();
        ArtifactManifest artifacts = ArtifactManifest.NONE;
        for (LoadedPod pod : set.pods()) {
            if (!pod.complete()) {
                continue;
            }
            artifacts = pod.pod().artifacts();
            PodSpec spec = pod.pod().spec();
            String region = spec.region();
            regionByEntry.putIfAbsent(new Wanted(ArtifactManifest.ZOOKEEPER, spec.versions().zookeeper()), region);
            regionByEntry.putIfAbsent(new Wanted(ArtifactManifest.MESOS, spec.versions().mesos()), region);
            regionByEntry.putIfAbsent(new Wanted(ArtifactManifest.MARATHON, spec.versions().marathon()), region);
            artifacts.find(ArtifactManifest.MARATHON, spec.versions().marathon()).map(a -> a.libmesos())
                    .ifPresent(libmesos -> regionByEntry.putIfAbsent(new Wanted(ArtifactManifest.MESOS, libmesos), region));
        }
        SourceMap where;
        try {
            where = SpecLoader.artifactPositions(manifest.toString(), Files.readString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArtifactObjects objects = new ArtifactObjects(aws);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Wanted, String> entry : regionByEntry.entrySet()) {
            String component = entry.getKey().component();
            String version = entry.getKey().version();
            var artifact = artifacts.find(component, version);
            if (artifact.isEmpty() || artifact.get().url() == null) {
                continue; // the offline rules already reported it
            }
            String url = artifact.get().url();
            AwsCommands.call(() -> objects.problem(url, entry.getValue())).ifPresent(problem -> findings.add(Finding.error(
                    where.at("spec." + component + "." + version + ".url"), component + " " + version + ": " + problem + " (online)")));
        }
        return findings;
    }

    /** One manifest entry a pod installs. */
    private record Wanted(String component, String version) {}

    private static ImageSource image(PodSpec spec) {
        return spec.image().ami() != null ? new ImageSource.Ami(spec.image().ami()) : new ImageSource.SsmParameter(spec.image().ssmParameter());
    }

    /** The line of the zone, image or secret the finding is about. */
    private static Position position(LoadedPod pod, OnlineFinding f) {
        PodSpec spec = pod.pod().spec();
        String path = switch (f.subject()) {
            case ZONE -> "spec.zones[" + Math.max(0, spec.zones().indexOf(f.reference())) + "]";
            case IMAGE -> "spec.image";
            case SECRET -> spec.secrets().entrySet().stream().filter(e -> e.getValue().equals(f.reference()))
                    .map(Map.Entry::getKey).findFirst().map(k -> "spec.secrets." + k).orElse("spec.secrets");
        };
        return pod.where().at(path);
    }
}
