package io.podctl.spec.validate;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Dotted numeric versions (3.8.4), compared part by part. */
public final class VersionNumbers {
    private static final Pattern DOTTED = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6}){0,3}");

    private VersionNumbers() {}

    public static boolean isDotted(String v) {
        return v != null && DOTTED.matcher(v).matches();
    }

    /** 03.8.4 or 3.08.4: each part is a number, written without leading zeros. */
    public static boolean hasLeadingZero(String v) {
        return Arrays.stream(v.split("\\.")).anyMatch(p -> p.length() > 1 && p.charAt(0) == '0');
    }

    /** The version with each part's leading zeros dropped: 03.08.4 is 3.8.4. */
    public static String canonical(String v) {
        return String.join(".", Arrays.stream(parts(v)).mapToObj(Integer::toString).toList());
    }

    public static int compare(String a, String b) {
        int[] x = parts(a), y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    public static int[] parts(String v) {
        return Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
