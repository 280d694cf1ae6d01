package io.podctl.aws.blob;

import java.util.Optional;

/**
 * A small key/value object store with compare-and-set writes: the rollout journal and its lock live
 * here, in S3 for a team and in a directory for a laptop.
 *
 * <p>Keys are relative paths: segments of letters, digits, {@code . _ -} that start with a letter
 * or digit, joined by {@code /}. A bad key is an {@link IllegalArgumentException}.
 */
public interface BlobStore extends AutoCloseable {

    Optional<Blob> get(String key);

    /** Writes unconditionally; readers see the old or the new bytes, never a mix. */
    void put(String key, byte[] bytes);

    /** Writes only if the key does not exist; false when it does (someone else holds it). */
    boolean putIfAbsent(String key, byte[] bytes);

    /** Writes only if the current version has this etag; false if it changed or is gone. */
    boolean putIfMatch(String key, byte[] bytes, String etag);

    /** Where the key lives, in full, for messages a person acts on (s3://bucket/prefix/key, a file path). */
    default String describe(String key) {
        return key;
    }

    /** Removes the key; no error if it is already gone. */
    void delete(String key);

    @Override
    void close();
}
