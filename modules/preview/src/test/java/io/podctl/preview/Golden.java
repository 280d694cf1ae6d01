package io.podctl.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered comments with src/test/resources/golden/NAME.md.
 * Regenerate after an intended change: {@code mvn -pl modules/preview test -Dgolden.update=true}, then review the git diff.
 */
final class Golden {
    private Golden() {}

    static void check(String name, String actual) throws IOException {
        Path file = Path.of(System.getProperty("golden.dir", "src/test/resources/golden")).resolve(name + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).isRegularFile();
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
