package io.podctl.aws.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/** Decodes a reply line the host wrote with {@code gzip -c | base64 -w0}. */
final class Gzip {

    private Gzip() {}

    static String text(String base64) throws IOException {
        if (base64.isEmpty()) {
            return "";
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("a reply line is not base64", e);
        }
    }
}
