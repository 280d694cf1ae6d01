package io.podctl.spec.validate;

import java.util.Optional;

/**
 * What Marathon's docs say about Mesos and about upgrades: Marathon 1.4 to 1.6 need Mesos 1.1 or
 * later, 1.7 and later need Mesos 1.5 (the operations notes; no later release raised it in what
 * we could find); and an upgrade must not skip a Marathon minor release (1.9 to 1.11 goes through
 * 1.10), because each release migrates the state in ZooKeeper from the one before.
 */
public final class MarathonCompatibility {

    private MarathonCompatibility() {}

    /** The oldest Mesos the Marathon release runs on. */
    public static String minimumMesos(String marathon) {
        return VersionNumbers.compare(marathon, "1.7") >= 0 ? "1.5.0" : "1.1.0";
    }

    /** Why {@code marathon} cannot run on {@code mesos}; empty when it can. Both must be dotted. */
    public static Optional<String> mesosProblem(String marathon, String mesos) {
        String minimum = minimumMesos(marathon);
        return VersionNumbers.compare(mesos, minimum) < 0
                ? Optional.of("marathon " + marathon + " needs Mesos " + minimum + " or later, not " + mesos)
                : Optional.empty();
    }

    /**
     * Why going from {@code current} to {@code target} skips a minor release; empty when it does
     * not (same or next minor, a patch, a new major's first minor, or a downgrade, which other
     * checks judge).
     */
    public static Optional<String> skippedMinor(String current, String target) {
        if (!VersionNumbers.isDotted(current) || !VersionNumbers.isDotted(target) || VersionNumbers.compare(target, current) <= 0) {
            return Optional.empty();
        }
        int[] from = VersionNumbers.parts(current);
        int[] to = VersionNumbers.parts(target);
        int fromMinor = from.length > 1 ? from[1] : 0;
        int toMinor = to.length > 1 ? to[1] : 0;
        if (from[0] != to[0]) {
            return to[0] == from[0] + 1 && toMinor == 0 ? Optional.empty()
                    : Optional.of("marathon " + current + " -> " + target + " skips releases; upgrade one minor release at a time");
        }
        if (toMinor - fromMinor > 1) {
            return Optional.of("marathon " + current + " -> " + target + " skips " + from[0] + "." + (fromMinor + 1)
                    + "; upgrade one minor release at a time (each migrates Marathon's state in ZooKeeper)");
        }
        return Optional.empty();
    }
}
