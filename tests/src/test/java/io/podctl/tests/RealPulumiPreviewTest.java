package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * podctl preview through a real Pulumi CLI, a file backend and the aws provider pointed at moto.
 * Skipped wherever no {@code pulumi} is on PATH (this build machine and CI have none).
 */
@ExtendWith(MotoServer.class)
class RealPulumiPreviewTest {

    @TempDir
    Path dir;

    @Test
    void previewOfAPodAgainstTheEmulatorListsResourcesToCreate(MotoEndpoint moto) throws Exception {
        assumeTrue(pulumiOnPath(), "no pulumi CLI on PATH: the real-engine preview is skipped");
        Podctl.copyFleet(dir);

        var r = Podctl.run(dir, Map.of("PODCTL_PASSPHRASE", "e2e-pass", "AWS_ACCESS_KEY_ID", MotoEndpoint.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", MotoEndpoint.SECRET_KEY, "AWS_REGION", MotoEndpoint.REGION), null,
                "preview", "not-prod-pod-1", "--endpoint-url", moto.uri().toString(),
                "--backend", dir.resolve("state").toUri().toString().replaceFirst("^file:/+", "file:///"));

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("+ create", "preview of pod not-prod-pod-1:");
        assertThat(dir.resolve(".podctl/work/not-prod-pod-1")).isDirectory();
    }

    private static boolean pulumiOnPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isBlank() && Files.isExecutable(Path.of(d, "pulumi")));
    }
}
