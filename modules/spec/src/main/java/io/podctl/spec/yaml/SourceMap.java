package io.podctl.spec.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a bound document was written, keyed by its path ({@code spec.zones[1]},
 * {@code spec.secrets.marathonHttpCredentials}). A path with no entry falls back to its nearest
 * recorded parent, so a rule can always name a place.
 */
public final class SourceMap {
    private final Map<String, Position> positions = new HashMap<>();
    private final Position fallback;

    public SourceMap(Position fallback) {
        this.fallback = fallback;
    }

    public void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    public Position at(String path) {
        String p = path;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return positions.getOrDefault(p.substring(0, Math.max(cut, 0)), fallback);
            }
            p = p.substring(0, cut);
        }
    }
}
