package io.podctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.ArtifactManifest;
import io.podctl.spec.validate.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pods/artifacts.yaml: where every version comes from, checked before any host boots. */
class ArtifactManifestTest {
    static final String SHA512 = "ab".repeat(64);
    static final String SHA256 = "cd".repeat(32);

    static String manifest(String zookeeperVersion) {
        return """
                apiVersion: podctl/v1
                kind: Artifacts
                spec:
                  zookeeper:
                    %s:
                      url: https://mirror.example.org/zookeeper/apache-zookeeper-bin.tar.gz
                      sha512: %s
                  mesos:
                    1.11.0: {url: s3://team-mirror/mesos/mesos_1.11.0_amd64.deb, sha256: %s}
                  marathon:
                    1.11.24: {url: s3://team-mirror/marathon/marathon-1.11.24.tgz, sha256: %s, libmesos: 1.11.0}
                """.formatted(zookeeperVersion, SHA512, SHA256, SHA256);
    }

    @Test
    void everyExamplePodCarriesTheFleetsManifest() {
        SpecSet fleet = SpecFixtures.exampleFleet();

        assertThat(fleet.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(fleet.validPods()).allSatisfy(pod -> {
            assertThat(pod.artifacts().find(ArtifactManifest.ZOOKEEPER, pod.spec().versions().zookeeper())).isPresent();
            assertThat(pod.artifacts().find(ArtifactManifest.MESOS, pod.spec().versions().mesos())).isPresent();
            assertThat(pod.artifacts().find(ArtifactManifest.MARATHON, pod.spec().versions().marathon())).isPresent();
        });
    }

    @Test
    void aVersionWithoutAnEntryIsAnErrorAtThePodsVersionLine() {
        SpecSet set = SpecFixtures.load(Map.of(
                "pods/artifacts.yaml", manifest("3.9.5"),
                "pods/pod-a.yaml", SpecFixtures.prodPod("pod-a")));

        List<String> errors = set.findings().stream().filter(Finding::isError).map(Finding::toString).toList();
        // prodPod sets zookeeper: 3.8.4 on line 16, column 16
        assertThat(errors).containsExactly(
                "pods/pod-a.yaml:16:16: error: pod pod-a: zookeeper 3.8.4 has no entry in pods/artifacts.yaml; hosts could not install it");
    }

    @Test
    void aFleetDirectoryWithoutAManifestCannotValidate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pod-a.yaml"), SpecFixtures.prodPod("pod-a"));

        SpecSet set = SpecLoader.load(List.of(dir));

        assertThat(set.findings()).filteredOn(Finding::isError).hasSize(3)
                .allSatisfy(f -> assertThat(f.message()).contains("has no entry in " + dir.resolve("artifacts.yaml")));

        Files.writeString(dir.resolve("artifacts.yaml"), manifest("3.8.4"));
        SpecSet fixed = SpecLoader.load(List.of(dir.resolve("pod-a.yaml")));
        assertThat(fixed.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(fixed.validPods().get(0).artifacts().find("mesos", "1.11.0").orElseThrow().url())
                .isEqualTo("s3://team-mirror/mesos/mesos_1.11.0_amd64.deb");
    }

    @Test
    void malformedEntriesAreErrorsAtTheirLines() {
        String broken = manifest("3.8.4")
                .replace("https://mirror.example.org/", "http://mirror.example.org/")
                .replace("sha512: " + SHA512, "sha512: " + SHA512.toUpperCase())
                .replace(", libmesos: 1.11.0", ", libmesos: 1.10.0")
                .replace("  marathon:\n", "  marathn: {}\n  marathon:\n");

        List<String> errors = SpecFixtures.load(Map.of("pods/artifacts.yaml", broken)).findings().stream()
                .filter(Finding::isError).map(Finding::toString).toList();

        assertThat(errors).containsExactly(
                "pods/artifacts.yaml:6:12: error: zookeeper 3.8.4: url must be https://HOST/PATH or s3://BUCKET/KEY on the team's mirror",
                "pods/artifacts.yaml:7:15: error: zookeeper 3.8.4: sha512 must be 128 lower-case hex digits",
                "pods/artifacts.yaml:10:12: error: unknown component 'marathn' (zookeeper, mesos or marathon); did you mean 'marathon'?",
                "pods/artifacts.yaml:12:152: error: marathon 1.11.24 needs libmesos 1.10.0, which has no mesos entry in the manifest");
    }
}
