package io.podctl.aws.backend;

/** The S3 bucket that holds Pulumi state and the rollout journal. */
public interface StateBackend {

    /**
     * Creates the bucket if needed and makes it versioned, encrypted (SSE-S3) and private.
     * Idempotent: running it on a prepared bucket changes nothing.
     *
     * @param url {@code s3://bucket/prefix}
     */
    BackendLocation initBackend(String url);
}
