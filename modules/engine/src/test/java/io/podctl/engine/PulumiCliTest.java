package io.podctl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check that runs before any stack is touched: a pulumi CLI on PATH, new enough. */
class PulumiCliTest {

    @TempDir
    Path bin;

    @Test
    void noPulumiOnPathAsksToInstallIt() {
        assertThatThrownBy(() -> PulumiCli.require(Map.of("PATH", bin.toString())))
                .isInstanceOf(EngineSetupException.class)
                .hasMessageStartingWith("no 'pulumi' on PATH: install the Pulumi CLI >= 3.206 (https://www.pulumi.com/docs/install/)");
    }

    @Test
    void aCliOlderThanTheMinimumIsRefusedWithItsVersion() {
        Path binary = bin.resolve("pulumi");

        assertThatThrownBy(() -> PulumiCli.requireVersion(com.pulumi.automation.Version.of(3, 200, 0), binary))
                .isInstanceOf(EngineSetupException.class)
                .hasMessageContaining("Pulumi CLI 3.200.0 at " + binary + " is too old");
    }

    @Test
    void theCliIsFoundOnPathWithoutRunningIt() throws IOException {
        fakeCli("v3.210.1");
        // a pulumi that could only fail if it were run
        Files.writeString(bin.resolve("pulumi"), "#!/bin/sh\nexit 1\n");

        assertThat(PulumiCli.require(Map.of("PATH", "/nonexistent:" + bin))).isEqualTo(bin.resolve("pulumi"));
        PulumiCli.requireVersion(com.pulumi.automation.Version.of(3, 210, 1), bin.resolve("pulumi"));
    }

    private void fakeCli(String version) throws IOException {
        Path script = bin.resolve("pulumi");
        Files.writeString(script, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
