package io.podctl.rollout.health;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces ZooKeeper's version banner to the release ("3.7.0-e3704b..., built on ..." to "3.7.0"). */
final class ZooKeeperVersion {

    private static final Pattern RELEASE = Pattern.compile("^(\\d+(?:\\.\\d+)+(?:-(?:alpha|beta))?)");

    private ZooKeeperVersion() {
    }

    static String release(String banner) {
        Matcher m = RELEASE.matcher(banner.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("no version in '" + banner + "'");
        }
        return m.group(1);
    }
}
