package io.podctl.aws.backend;

import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/prefix} state location; the prefix may be empty, never has edge slashes.
 */
public record BackendLocation(String bucket, String prefix) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public BackendLocation {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException(
                    "not a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens): "
                            + bucket);
        }
        prefix = prefix == null ? "" : trimSlashes(prefix);
    }

    public static BackendLocation parse(String url) {
        if (url == null || !url.startsWith("s3://")) {
            throw new IllegalArgumentException(
                    "backend URL must look like s3://bucket/prefix, got: " + url);
        }
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0
                ? new BackendLocation(rest, "")
                : new BackendLocation(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The object key for a name under the prefix. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    public String url() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    private static String trimSlashes(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && value.charAt(from) == '/') {
            from++;
        }
        while (to > from && value.charAt(to - 1) == '/') {
            to--;
        }
        return value.substring(from, to);
    }
}
