package io.podctl.spec;

import static io.podctl.spec.SpecRulesTest.FILE;
import static io.podctl.spec.SpecRulesTest.edit;
import static io.podctl.spec.SpecRulesTest.load;
import static io.podctl.spec.SpecRulesTest.only;
import static io.podctl.spec.SpecRulesTest.prod;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.validate.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specs written carelessly or with intent: every one is a positioned finding, none echoes a secret. */
class HostileInputTest {

    @TempDir
    Path dir;

    @Test
    void anchorIsRefusedAtItsLineWithASentence() {
        String text = edit(prod(), "  masters:\n", "  masters: &m\n");
        Finding f = only(load(text), Severity.ERROR, text, "&m", "anchors (&m) are not allowed in pod specs");
        assertThat(f.position().line()).isGreaterThan(1);
    }

    @Test
    void aliasIsRefusedWhereItIsUsed() {
        String text = edit(prod(), "zones: [us-west-2a, us-west-2b, us-west-2c]", "zones: [us-west-2a, us-west-2b, *z]");
        // the alias comes first here: no anchor of that name exists, and it is still our sentence
        only(load(text), Severity.ERROR, text, "*z", "aliases (*z) are not allowed");
    }

    @Test
    void mergeKeyIsRefusedAtItsLine() {
        String text = edit(prod(), "    dataVolumeGiB: 50\n", "    dataVolumeGiB: 50\n    <<: {instanceType: m5.xlarge}\n");
        only(load(text), Severity.ERROR, text, "<<", "merge keys (<<) are not allowed");
    }

    @Test
    void leadingZerosInAVersionAreNamed() {
        String text = edit(prod(), "zookeeper: 3.8.4", "zookeeper: 03.08.4");
        only(load(text), Severity.ERROR, text, "03.08.4", "has a part with a leading zero", "written 3.8.4");
    }

    @Test
    void nonCanonicalCidrSaysHowToWriteIt() {
        String text = edit(prod(), "vpcCidr: 10.10.0.0/16", "vpcCidr: 010.021.000.000/20");
        only(load(text), Severity.ERROR, text, "010.021", "not written canonically", "write 10.21.0.0/20");
    }

    @Test
    void integerOverflowSaysItIsTooLargeNotThatItIsNoInteger() {
        String text = edit(prod(), "count: 6", "count: 99999999999999999999");
        Finding f = only(load(text), Severity.ERROR, text, "99999999999999999999", "must be an integer from -2147483648 to 2147483647");
        assertThat(f.message()).doesNotContain("not an integer").contains("20 digits");
    }

    @Test
    void agentsBeyondTheSubnetAreCountedAgainstIt() {
        String text = edit(edit(prod(), "vpcCidr: 10.10.0.0/16", "vpcCidr: 10.10.0.0/24"), "count: 6", "count: 200");
        only(load(text), Severity.ERROR, text, "- name: general", "need 67 addresses in zone us-west-2a", "10.10.0.0/26", "has 56 left");
        String fits = edit(edit(prod(), "vpcCidr: 10.10.0.0/16", "vpcCidr: 10.10.0.0/24"), "count: 6", "count: 168");
        assertThat(load(fits).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwd", "apikey", "api_key", "apiKey", "private_key", "auth", "basicAuth", "db-pwd"})
    void credentialHintingNamesAreSecrets(String key) {
        String text = edit(prod(), "metadata:\n  name: prd-pod-1\n", "metadata:\n  name: prd-pod-1\n  labels: {" + key + ": hunter2hunter2}\n");
        Finding f = only(load(text), Severity.ERROR, text, "hunter2hunter2", "looks like a credential");
        assertThat(f.message()).doesNotContain("hunter2");
    }

    @Test
    void wordsThatOnlyContainAuthAreNotSecrets() {
        String text = edit(prod(), "metadata:\n  name: prd-pod-1\n", "metadata:\n  name: prd-pod-1\n  labels: {author: alice}\n");
        assertThat(load(text).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void labelValueThatIsACredentialIsRefusedWithoutEcho(String value) {
        String text = edit(prod(), "metadata:\n  name: prd-pod-1\n", "metadata:\n  name: prd-pod-1\n  labels: {owner: " + value + "}\n");
        Finding f = only(load(text), Severity.ERROR, text, value, "holds what looks like", "(not shown)");
        assertThat(f.message()).doesNotContain(value);
    }

    @Test
    void ssmSecretOutsideThePodsPathIsRefused() {
        String text = edit(prod(), "ssm:/pods/prd-pod-1/marathon/http-credentials", "ssm:/pods/prd-pod-2/marathon/http-credentials");
        only(load(text), Severity.ERROR, text, "ssm:/pods/prd-pod-2", "must be an SSM parameter under ssm:/pods/prd-pod-1/");
        String escape = edit(prod(), "ssm:/pods/prd-pod-1/marathon/http-credentials", "ssm:/pods/prd-pod-1/../prd-pod-2/x");
        only(load(escape), Severity.ERROR, escape, "ssm:/pods/prd-pod-1/..", "under ssm:/pods/prd-pod-1/");
    }

    @Test
    void oversizedTextIsRefusedBeforeParsing() {
        String text = prod() + "# " + "x".repeat(SpecLoader.MAX_FILE_BYTES) + "\n";
        long start = System.nanoTime();
        SpecSet set = load(text);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(set.findings()).singleElement().satisfies(f -> {
            assertThat(f.position().file()).isEqualTo(FILE);
            assertThat(f.message()).contains("over the 256 KiB limit");
        });
    }

    @Test
    void oversizedFileIsNotEvenRead() throws Exception {
        Path pods = Files.createDirectories(dir.resolve("pods"));
        Files.writeString(pods.resolve("prd-pod-1.yaml"), prod() + "#" + "x".repeat(SpecLoader.MAX_FILE_BYTES));
        SpecSet set = SpecLoader.load(List.of(pods));
        assertThat(set.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("is " + Files.size(pods.resolve("prd-pod-1.yaml")) + " bytes"));
    }

    @Test
    void filesThatAreNotPlainFilesInPodsAreReportedNotSkipped() throws Exception {
        Path pods = Files.createDirectories(dir.resolve("pods"));
        Path outside = Files.writeString(dir.resolve("elsewhere.yaml"), prod());
        Files.createSymbolicLink(pods.resolve("prd-pod-1.yaml"), outside);
        Files.createDirectory(pods.resolve("not-prod-pod-9.yaml"));
        Process mkfifo = new ProcessBuilder("mkfifo", pods.resolve("pipe.yaml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.createSymbolicLink(pods.resolve("gone.yaml"), dir.resolve("missing.yaml"));

        SpecSet set = SpecLoader.load(List.of(pods));

        assertThat(set.findings()).extracting(f -> Path.of(f.position().file()).getFileName() + ": " + f.message()).containsExactly(
                "gone.yaml: is a symbolic link to nothing (" + dir.resolve("missing.yaml") + "): not read",
                "not-prod-pod-9.yaml: is not a regular file (a directory, pipe or device): not read",
                "pipe.yaml: is not a regular file (a directory, pipe or device): not read",
                "prd-pod-1.yaml: is a symbolic link to a file outside " + pods + ": not read (pod files must live in the pods directory)");
    }
}
