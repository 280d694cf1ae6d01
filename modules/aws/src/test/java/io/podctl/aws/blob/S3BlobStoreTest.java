package io.podctl.aws.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import io.podctl.aws.backend.BackendLocation;
import io.podctl.aws.backend.S3StateBackend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.s3.S3Client;

import java.util.concurrent.atomic.AtomicInteger;

/** The contract against moto, which evaluates If-None-Match and If-Match on PutObject. */
@ExtendWith(MotoServer.class)
class S3BlobStoreTest extends BlobStoreContract {

    private static final AtomicInteger STORES = new AtomicInteger();

    private final AwsContext aws;
    private BackendLocation location;

    S3BlobStoreTest(AwsContext aws) {
        this.aws = aws;
    }

    @Override
    BlobStore newStore() {
        // a fresh prefix per test in one versioned bucket, like the real journal layout
        location =
                new S3StateBackend(aws)
                        .initBackend("s3://podctl-journal/run-" + STORES.incrementAndGet());
        return new S3BlobStore(aws, location);
    }

    @Test
    void objectsLiveUnderThePrefix() {
        store.put("journal/prd-pod-1.json", bytes("{}"));

        try (S3Client s3 = aws.s3()) {
            assertThat(s3.listObjectsV2(r -> r.bucket(location.bucket())).contents())
                    .extracting(o -> o.key())
                    .contains(location.prefix() + "/journal/prd-pod-1.json");
        }
    }
}
