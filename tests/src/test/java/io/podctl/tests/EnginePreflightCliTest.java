package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks an engine command makes before it touches anything: pulumi CLI, then AWS credentials. */
class EnginePreflightCliTest {

    @TempDir
    Path dir;

    /** Only java on PATH: this machine's other tools cannot leak a pulumi in. */
    private static String javaOnly() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    private static Map<String, String> noAwsCredentials(String path) {
        return Map.of("PATH", path, "PODCTL_PASSPHRASE", "pass", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent",
                "AWS_CONFIG_FILE", "/nonexistent", "AWS_EC2_METADATA_DISABLED", "true");
    }

    @Test
    void withoutPulumiOnPathUpExitsTwoWithTheInstallHintAndRunsNothing() throws Exception {
        Podctl.copyFleet(dir);

        var r = Podctl.run(dir, noAwsCredentials(javaOnly()), null, "up", "not-prod-pod-1", "--yes");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("no 'pulumi' on PATH: install the Pulumi CLI >= 3.206 (https://www.pulumi.com/docs/install/)");
        assertThat(dir.resolve(".podctl")).doesNotExist();
    }

    @Test
    void aTooOldPulumiIsRefused() throws Exception {
        Podctl.copyFleet(dir);
        Path bin = fakePulumi("v3.190.0");

        var r = Podctl.run(dir, noAwsCredentials(bin + ":" + javaOnly()), null, "preview", "not-prod-pod-1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("Pulumi CLI 3.190.0", "is too old");
    }

    @Test
    void withoutAwsCredentialsUpExitsTwoSayingWhatToSet() throws Exception {
        Podctl.copyFleet(dir);
        Path bin = fakePulumi("v3.210.0");

        var r = Podctl.run(dir, noAwsCredentials(bin + ":" + javaOnly()), null, "up", "not-prod-pod-1", "--yes");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE");
        assertThat(dir.resolve(".podctl")).doesNotExist();
    }

    @Test
    void anEndpointThatDoesNotAnswerIsOneLineAndExitTwo() throws Exception {
        Podctl.copyFleet(dir);
        Path bin = fakePulumi("v3.210.0");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var env = new java.util.HashMap<>(Map.of("PATH", bin + ":" + javaOnly(), "PODCTL_PASSPHRASE", "pass",
                "AWS_ACCESS_KEY_ID", "AKIAFAKE", "AWS_SECRET_ACCESS_KEY", "fake", "AWS_REGION", "us-west-2"));

        var r = Podctl.run(dir, env, null, "up", "not-prod-pod-1", "--yes", "--endpoint-url", "http://127.0.0.1:" + closedPort);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().lines().filter(l -> l.startsWith("podctl:")))
                .singleElement().asString().contains("the AWS endpoint http://127.0.0.1:" + closedPort + " is not reachable");
        assertThat(dir.resolve(".podctl")).doesNotExist();
    }

    @Test
    void withoutAPassphraseNothingRuns() throws Exception {
        Podctl.copyFleet(dir);
        Path bin = fakePulumi("v3.210.0");
        var env = Map.of("PATH", bin + ":" + javaOnly(), "AWS_ACCESS_KEY_ID", "AKIAFAKE", "AWS_SECRET_ACCESS_KEY", "fake",
                "AWS_REGION", "us-west-2");

        var r = Podctl.run(dir, env, null, "preview", "not-prod-pod-1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("PODCTL_PASSPHRASE is not set");
        assertThat(dir.resolve(".podctl")).doesNotExist();
    }

    @Test
    void anUnknownPodIsReportedBeforeAnyToolIsLookedFor() throws Exception {
        Podctl.copyFleet(dir);

        var r = Podctl.run(dir, noAwsCredentials(javaOnly()), null, "preview", "no-such-pod");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("no pod named 'no-such-pod'", "known pods: not-prod-pod-1");
    }

    @Test
    void aRolloutOfDeployedPodsNeedsPulumiAndTouchesNothingWithout() throws Exception {
        Podctl.copyFleet(dir);

        var r = Podctl.run(dir, noAwsCredentials(javaOnly()), null, "rollout", "run", "--yes");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("no 'pulumi' on PATH");
        assertThat(dir.resolve(".podctl")).doesNotExist();
    }

    /** A stand-in that only answers `pulumi version`; the tests stop before anything else runs. */
    private Path fakePulumi(String version) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("pulumi");
        Files.writeString(script, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
