package io.podctl.aws.secrets;

import java.util.Arrays;
import java.util.regex.Pattern;

/** The SSM parameter name of a pod secret: {@code /pods/<pod>/<key>}, validated. */
public record SecretPath(String pod, String key) {

    private static final Pattern POD = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

    /** SSM's limit on a parameter name. */
    private static final int MAX_NAME = 1011;

    public SecretPath {
        String prefix = prefix(pod);
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "secret key may contain only letters, digits and _ . - /, got: " + key);
        }
        if (key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException(
                    "secret key must not start or end with / nor contain //, got: " + key);
        }
        // SSM would take them literally, but a reader would take them as a way out of the pod
        if (Arrays.stream(key.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException(
                    "secret key must not have . or .. segments, got: " + key);
        }
        if (prefix.length() + key.length() > MAX_NAME) {
            throw new IllegalArgumentException("secret key is too long for SSM: " + key);
        }
    }

    /** {@code /pods/<pod>/}, under which all of a pod's secrets live; validates the pod name. */
    public static String prefix(String pod) {
        if (pod == null || !POD.matcher(pod).matches()) {
            throw new IllegalArgumentException(
                    "pod name must match [a-z][a-z0-9-]{0,39}, got: " + pod);
        }
        return "/pods/" + pod + "/";
    }

    public String parameterName() {
        return prefix(pod) + key;
    }
}
