package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** podctl validate as a process: exit codes, stdout versus stderr, JSON, --strict, secrets. */
class ValidateCliTest {
    @TempDir
    Path dir;

    @Test
    void exampleFleetIsValidAndExitsZero() throws Exception {
        Podctl.copyFleet(dir);
        var r = Podctl.run(dir, "validate");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("checked 4 pods in 6 files: 0 errors, 0 warnings\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void errorsPrintAsFileLineColumnAndExitTwo() throws Exception {
        Path pods = Podctl.copyFleet(dir);
        Path pod = pods.resolve("prd-pod-1.yaml");
        Files.writeString(pod, Files.readString(pod).replace("placement: stripe", "placment: stripe"));
        var r = Podctl.run(dir, "validate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).contains("pods/prd-pod-1.yaml:11:3: error: unknown field 'placment' in 'spec'; did you mean 'placement'?")
                .contains("1 error");
    }

    @Test
    void malformedYamlIsAFindingNotAStackTrace() throws Exception {
        Path pods = Podctl.copyFleet(dir);
        Files.writeString(pods.resolve("prd-pod-1.yaml"), "apiVersion: podctl/v1\nkind: Pod\nspec: [unclosed\n");
        var r = Podctl.run(dir, "validate", "pods/prd-pod-1.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).containsPattern("pods/prd-pod-1\\.yaml:\\d+:\\d+: error: malformed YAML");
        assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void jsonOutputIsAnArrayOfFindings() throws Exception {
        Path pods = Podctl.copyFleet(dir);
        Path pod = pods.resolve("not-prod-pod-1.yaml");
        Files.writeString(pod, Files.readString(pod).replace("zones: [us-west-2a]", "zones: [us-west-2a, us-west-2b]"));
        var r = Podctl.run(dir, "validate", "--output", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode findings = new ObjectMapper().readTree(r.stdout());
        assertThat(findings.isArray()).isTrue();
        assertThat(findings).hasSize(1);
        JsonNode f = findings.get(0);
        assertThat(f.get("file").asText()).isEqualTo("pods/not-prod-pod-1.yaml");
        assertThat(f.get("line").asInt()).isEqualTo(10);
        assertThat(f.get("column").asInt()).isEqualTo(23);
        assertThat(f.get("severity").asText()).isEqualTo("warning");
        assertThat(f.get("message").asText()).contains("uses only us-west-2a");
        assertThat(r.stderr()).contains("0 errors, 1 warning");
    }

    @Test
    void strictMakesWarningsFail() throws Exception {
        Path pods = Podctl.copyFleet(dir);
        Path pod = pods.resolve("not-prod-pod-1.yaml");
        Files.writeString(pod, Files.readString(pod).replace("zones: [us-west-2a]", "zones: [us-west-2a, us-west-2b]"));
        assertThat(Podctl.run(dir, "validate").exitCode()).isZero();
        assertThat(Podctl.run(dir, "validate", "--strict").exitCode()).isEqualTo(2);
    }

    @Test
    void literalSecretValueNeverAppearsInAnyOutput() throws Exception {
        String value = "pl41n-T3xt-Cr3d3ntial";
        Path pods = Podctl.copyFleet(dir);
        Path pod = pods.resolve("prd-pod-1.yaml");
        Files.writeString(pod, Files.readString(pod)
                .replace("ssm:/pods/prd-pod-1/marathon/http-credentials", value)
                .replace("labels: {team: platform", "labels: {apiToken: " + value + "x, team: platform"));
        for (String format : new String[] {"text", "json"}) {
            var r = Podctl.run(dir, "validate", "--output", format, "--debug");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.all()).contains("marathonHttpCredentials").contains("apiToken").doesNotContain(value);
        }
    }

    @Test
    void unknownCommandAndBadOptionExitTwoOnStderr() {
        var r = Podctl.run(dir, "valdate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("validate");
        assertThat(r.stdout()).isEmpty();
        var bad = Podctl.run(dir, "validate", "--output", "yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--output");
    }

    @Test
    void helpVersionAndCompletionWork() {
        var help = Podctl.run(dir, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("validate", "Exit codes");
        assertThat(Podctl.run(dir, "validate", "--help").stdout()).contains("Examples:", "--strict");
        assertThat(Podctl.run(dir, "--version").stdout()).startsWith("podctl ");
        var bash = Podctl.run(dir, "completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.stdout()).contains("complete -F", "validate");
        assertThat(Podctl.run(dir, "completion", "zsh").stdout()).contains("bashcompinit");
    }

    @Test
    void missingPathIsBadInput() {
        var r = Podctl.run(dir, "validate", "pods/none.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).contains("pods/none.yaml:1:1: error: no such file or directory");
    }
}
