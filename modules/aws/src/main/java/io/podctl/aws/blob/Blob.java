package io.podctl.aws.blob;

import java.util.Arrays;
import java.util.Objects;

/**
 * An object's bytes and the version tag to hand back to {@link BlobStore#putIfMatch}. The tag is
 * opaque: S3's ETag (quotes included) or a content hash for the directory store.
 */
public record Blob(byte[] bytes, String etag) {

    public Blob {
        bytes = bytes.clone();
        Objects.requireNonNull(etag, "etag");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Blob blob
                && etag.equals(blob.etag)
                && Arrays.equals(bytes, blob.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + etag.hashCode();
    }

    @Override
    public String toString() {
        return "Blob[" + bytes.length + " bytes, etag=" + etag + "]";
    }
}
