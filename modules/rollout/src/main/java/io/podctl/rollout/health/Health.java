package io.podctl.rollout.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of one probe: a verdict, one short reason a person can read in a log line, and
 * the role-specific facts behind it (leader, mode, version ...) for the journal and for gates.
 *
 * @param refused unhealthy for a reason no amount of waiting changes (the service refused
 *                podctl's credential): a gate stops at the first such answer instead of
 *                polling until its timeout
 */
public record Health(boolean healthy, String reason, Map<String, String> facts, boolean refused) {

    public Health {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        if (healthy && refused) {
            throw new IllegalArgumentException("a refused answer is not healthy");
        }
    }

    public static Health healthy(String reason, Map<String, String> facts) {
        return new Health(true, reason, facts, false);
    }

    public static Health unhealthy(String reason, Map<String, String> facts) {
        return new Health(false, reason, facts, false);
    }

    public static Health unhealthy(String reason) {
        return new Health(false, reason, Map.of(), false);
    }

    /** Unhealthy until a person fixes something, such as a wrong credential. */
    public static Health refused(String reason) {
        return new Health(false, reason, Map.of(), true);
    }

    /** A fact, or the empty string when the probe could not learn it. */
    public String fact(String key) {
        return facts.getOrDefault(key, "");
    }

    /** Facts in insertion order, for builders that want a stable rendering. */
    static Map<String, String> newFacts() {
        return new LinkedHashMap<>();
    }

    @Override
    public String toString() {
        return (healthy ? "healthy: " : "unhealthy: ") + reason + (facts.isEmpty() ? "" : " " + facts);
    }
}
