package io.podctl.preview;

import java.util.Optional;

/** The upgrade rules of Marathon and Mesos (operations.md, "Upgrade order inside a pod"). */
final class UpgradeRules {
    private UpgradeRules() {}

    /** The first skipped minor version of an upgrade within one major version, e.g. 1.9.x -> 1.11.x skips 1.10. */
    static Optional<String> skippedMinor(String from, String to) {
        int[] a = parse(from);
        int[] b = parse(to);
        if (a == null || b == null || a[0] != b[0] || b[1] <= a[1] + 1) {
            return Optional.empty();
        }
        return Optional.of(a[0] + "." + (a[1] + 1));
    }

    /** Marathon's minimum Mesos: 1.4-1.6 need 1.1, 1.7 and later need 1.5. */
    static Optional<String> mesosNeededBy(String marathon) {
        int[] v = parse(marathon);
        if (v == null || v[0] != 1 || v[1] < 4) {
            return Optional.empty();
        }
        return Optional.of(v[1] <= 6 ? "1.1" : "1.5");
    }

    static int compare(String left, String right) {
        int[] a = parse(left);
        int[] b = parse(right);
        if (a == null || b == null) {
            return 0;
        }
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    /** Major and minor of {@code 1.11.24}; null when the text is not a version. */
    private static int[] parse(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
