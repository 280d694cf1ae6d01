package io.podctl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.automation.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When `config set-all` can be skipped: only when the stack's file already holds every value. */
class StackSettingsTest {

    @TempDir
    Path dir;

    /** As the CLI writes it after `config set-all --path --plaintext ...`. */
    private Path written() throws IOException {
        return Files.writeString(dir.resolve("Pulumi.prd-pod-1.yaml"), """
                encryptionsalt: v1:ZxNRDSWCNtg=:v1:CTSk5sHUsKDsj8Rs:nL9mfEPQZ00tPlDzdwfz2SaAnWEThg==
                config:
                  aws:region: us-west-2
                  aws:s3UsePathStyle: "true"
                  aws:skipRequestingAccountId: "false"
                """);
    }

    @Test
    void theSameValuesNeedNoCliRun() throws IOException {
        assertThat(StackSettings.holds(written(), Map.of("aws:region", new ConfigValue("us-west-2"),
                "aws:s3UsePathStyle", new ConfigValue("true"), "aws:skipRequestingAccountId", new ConfigValue("false")))).isTrue();
    }

    @Test
    void aChangedOrMissingValueIsSetAgain() throws IOException {
        Path file = written();

        assertThat(StackSettings.holds(file, Map.of("aws:region", new ConfigValue("eu-west-1")))).isFalse();
        assertThat(StackSettings.holds(file, Map.of("aws:profile", new ConfigValue("platform-ops")))).isFalse();
    }

    @Test
    void noFileASecretOrAFileThatCannotBeReadIsSetAgain() throws IOException {
        assertThat(StackSettings.holds(dir.resolve("Pulumi.none.yaml"), Map.of("aws:region", new ConfigValue("us-west-2")))).isFalse();
        assertThat(StackSettings.holds(written(), Map.of("aws:region", new ConfigValue("us-west-2", true)))).isFalse();
        Path broken = Files.writeString(dir.resolve("Pulumi.broken.yaml"), "config: [unclosed");
        assertThat(StackSettings.holds(broken, Map.of("aws:region", new ConfigValue("us-west-2")))).isFalse();
        Path secure = Files.writeString(dir.resolve("Pulumi.secure.yaml"), "config:\n  aws:region:\n    secure: v1:abc\n");
        assertThat(StackSettings.holds(secure, Map.of("aws:region", new ConfigValue("us-west-2")))).isFalse();
    }
}
