package io.podctl.aws.blob;

import java.util.regex.Pattern;

/** The key rule shared by the stores; no dot-first segments, so no {@code ..} and no temp names. */
final class BlobKey {

    private static final Pattern VALID =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private BlobKey() {}

    static String check(String key) {
        if (key == null || !VALID.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "blob key must be segments of [A-Za-z0-9._-] starting with a letter or digit,"
                            + " joined by '/', got: "
                            + key);
        }
        return key;
    }
}
