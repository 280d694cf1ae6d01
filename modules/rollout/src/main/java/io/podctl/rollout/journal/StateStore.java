package io.podctl.rollout.journal;

import java.io.IOException;
import java.util.Optional;

/**
 * Bytes by key: what the journal, the lock and the control flags need from storage. Small on
 * purpose so an S3 bucket (aws' BlobStore) can back it as well as a local directory.
 */
public interface StateStore {

    Optional<byte[]> get(String key) throws IOException;

    /** Replaces the value atomically: a reader sees the old bytes or the new ones, never a mix. */
    void put(String key, byte[] value) throws IOException;

    /** Writes only if the key is absent; false when it already exists (the basis of the lock). */
    boolean putIfAbsent(String key, byte[] value) throws IOException;

    void delete(String key) throws IOException;

    /** Where the key lives, in full (an absolute file path, s3://bucket/key), for messages a person acts on. */
    default String describe(String key) {
        return key;
    }
}
