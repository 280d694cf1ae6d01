package io.podctl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withoutPodctlPassphraseNothingStartsAndTheMessageSaysWhatToSet() {
        assertThatThrownBy(() -> EngineSettings.from(ROOT, null, Map.of(), Optional.empty(), EngineSettings.DEFAULT_TIMEOUT))
                .isInstanceOf(EngineSetupException.class)
                .hasMessageStartingWith("PODCTL_PASSPHRASE is not set");
    }

    @Test
    void stateDefaultsToAFileBackendInsideTheRepository() {
        EngineSettings settings = EngineSettings.from(ROOT, null, Map.of("PODCTL_PASSPHRASE", "s3cr3t-pass"), Optional.empty(), EngineSettings.DEFAULT_TIMEOUT);

        assertThat(settings.backendUrl()).isEqualTo("file:///repo/.podctl/state");
        assertThat(settings.workDir("prd-pod-1")).isEqualTo(Path.of("/repo/.podctl/work/prd-pod-1"));
        assertThat(settings.toString()).doesNotContain("s3cr3t-pass");
    }

    @Test
    void anS3BackendIsKeptAndAnythingElseIsRefused() {
        Map<String, String> env = Map.of("PODCTL_PASSPHRASE", "p");
        assertThat(EngineSettings.from(ROOT, "s3://podctl-state/pods", env, Optional.empty(), EngineSettings.DEFAULT_TIMEOUT).backendUrl())
                .isEqualTo("s3://podctl-state/pods");
        assertThatThrownBy(() -> EngineSettings.from(ROOT, "https://app.pulumi.com", env, Optional.empty(), EngineSettings.DEFAULT_TIMEOUT))
                .isInstanceOf(EngineSetupException.class)
                .hasMessageContaining("file:///path or s3://bucket/prefix");
    }
}
