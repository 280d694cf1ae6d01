package io.podctl.aws.blob;

import io.podctl.rollout.journal.StateStore;

import java.util.Optional;

/**
 * The rollout journal's storage on a {@link BlobStore}: with the S3 store, the journal, the
 * lock (a conditional write) and the pause/abort flags live next to the stack state, so a
 * scheduled CI job continues where the previous one stopped.
 */
public final class BlobStateStore implements StateStore {

    private final BlobStore blobs;

    public BlobStateStore(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return blobs.get(key).map(Blob::bytes);
    }

    @Override
    public void put(String key, byte[] value) {
        blobs.put(key, value);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value) {
        return blobs.putIfAbsent(key, value);
    }

    @Override
    public String describe(String key) {
        return blobs.describe(key);
    }

    @Override
    public void delete(String key) {
        blobs.delete(key);
    }
}
