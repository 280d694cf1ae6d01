package io.podctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import io.podctl.spec.validate.Finding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetDefaultsTest {
    static final String FLEET = """
            apiVersion: podctl/v1
            kind: Fleet
            spec:
              defaults:
                region: us-west-2
                versions: {zookeeper: 3.9.5, mesos: 1.11.0, marathon: 1.11.24}
                image: {ami: ami-0123456789abcdef0}
            """;

    static String podWithoutDefaults() {
        String pod = SpecFixtures.prodPod("prd-pod-1");
        return pod.replace("  region: us-west-2\n", "")
                .replace("  image:\n    ami: ami-0123456789abcdef0\n", "")
                .replace("  versions:\n    zookeeper: 3.8.4\n    mesos: 1.11.0\n    marathon: 1.11.24\n", "  versions:\n    mesos: 1.10.0\n");
    }

    @Test
    void podInheritsDefaultsAndItsOwnValueWins() {
        SpecSet set = SpecFixtures.load(Map.of("pods/fleet.yaml", FLEET, "pods/prd-pod-1.yaml", podWithoutDefaults()));
        assertThat(set.findings()).isEmpty();
        Pod pod = set.find("prd-pod-1").orElseThrow().pod();
        assertThat(pod.spec().region()).isEqualTo("us-west-2");
        assertThat(pod.spec().versions().zookeeper()).isEqualTo("3.9.5");
        assertThat(pod.spec().versions().mesos()).isEqualTo("1.10.0");
        assertThat(pod.spec().image().ami()).isEqualTo("ami-0123456789abcdef0");
    }

    @Test
    void aBadDefaultIsReportedInTheFleetFile() {
        String fleet = FLEET.replace("zookeeper: 3.9.5", "zookeeper: 3.4.6");
        SpecSet set = SpecFixtures.load(Map.of("pods/fleet.yaml", fleet, "pods/prd-pod-1.yaml", podWithoutDefaults()));
        assertThat(set.findings()).singleElement().satisfies(f -> {
            assertThat(f.position().file()).isEqualTo("pods/fleet.yaml");
            assertThat(f.position().line()).isEqualTo(6);
            assertThat(f.message()).contains("zookeeper 3.4.6 is older");
        });
    }

    @Test
    void withoutTheFleetTheMissingFieldsAreErrors() {
        SpecSet set = SpecFixtures.load(Map.of("pods/prd-pod-1.yaml", podWithoutDefaults()));
        assertThat(set.findings()).extracting(Finding::message).contains(
                "missing required field 'region' in 'spec'", "missing required field 'image' in 'spec'",
                "missing required field 'zookeeper' in 'spec.versions'");
    }

    @Test
    void unknownFieldInDefaultsIsAnError() {
        String fleet = FLEET.replace("region: us-west-2", "regoin: us-west-2");
        SpecSet set = SpecFixtures.load(Map.of("pods/fleet.yaml", fleet));
        assertThat(set.findings()).singleElement().satisfies(f -> {
            assertThat(f.position().line()).isEqualTo(5);
            assertThat(f.message()).contains("unknown field 'regoin' in 'spec.defaults'", "did you mean 'region'?");
        });
    }
}
