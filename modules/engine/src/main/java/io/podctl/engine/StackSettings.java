package io.podctl.engine;

import com.pulumi.automation.ConfigValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A stack's settings file ({@code Pulumi.<stack>.yaml} in its work directory), read to skip
 * {@code pulumi config set-all} when the stack already holds every value: the values rarely
 * change, and the CLI run costs about 0.15 s of every operation.
 */
final class StackSettings {

    private StackSettings() {}

    /**
     * True when the file sets every key to exactly its plain value. Anything else (no file, a
     * value that differs, a secret, a file that cannot be read) is false: then the CLI sets them.
     */
    static boolean holds(Path settingsFile, Map<String, ConfigValue> config) {
        if (!Files.isRegularFile(settingsFile)) {
            return false;
        }
        Object stored;
        try (Reader reader = Files.newBufferedReader(settingsFile)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            stored = document instanceof Map<?, ?> settings ? settings.get("config") : null;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        if (!(stored instanceof Map<?, ?> values)) {
            return false;
        }
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            Object value = values.get(entry.getKey());
            boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean;
            if (entry.getValue().isSecret() || !plain || !String.valueOf(value).equals(entry.getValue().value())) {
                return false;
            }
        }
        return true;
    }
}
