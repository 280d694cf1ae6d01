package io.podctl.preview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Values as one short line for a reviewer: long documents (cloud-init) show as size and digest. */
final class Display {
    static final int LONGEST_SHOWN = 100;

    private Display() {}

    static String value(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = compact(value);
        if (text.length() > LONGEST_SHOWN || text.contains("\n")) {
            return "<" + text.length() + " chars, sha256:" + digest(text) + ">";
        }
        return text;
    }

    private static String compact(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + compact(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Display::compact).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
