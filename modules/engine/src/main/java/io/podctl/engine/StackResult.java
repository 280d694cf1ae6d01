package io.podctl.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What one finished stack operation did.
 *
 * @param outputs the stack outputs after an up (empty for the other operations); strings only,
 *     secret outputs masked
 */
public record StackResult(Operation operation, String pod, StackChanges changes, Map<String, String> outputs, Duration elapsed) {

    public StackResult {
        outputs = Map.copyOf(outputs);
    }
}
