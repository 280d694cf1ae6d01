package io.podctl.aws.blob;

import io.podctl.aws.AwsCallFailed;
import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import io.podctl.aws.backend.BackendLocation;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link BlobStore} on S3 conditional writes: {@code If-None-Match: *} for create-only and {@code
 * If-Match: <etag>} for compare-and-set. S3 evaluates both atomically on the server, so two callers
 * racing for the same key cannot both succeed.
 */
public final class S3BlobStore implements BlobStore {

    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;

    /** S3 answers 409 ConditionalRequestConflict while another conditional write is in flight. */
    private static final int CONFLICT = 409;

    private static final int CONFLICT_ATTEMPTS = 5;

    private final S3Client s3;
    private final BackendLocation location;

    public S3BlobStore(AwsContext context, BackendLocation location) {
        this.s3 = context.s3();
        this.location = location;
    }

    @Override
    public Optional<Blob> get(String key) {
        String objectKey = location.key(BlobKey.check(key));
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(r -> r.bucket(location.bucket()).key(objectKey));
            return Optional.of(new Blob(object.asByteArrayUnsafe(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.failed("GetObject " + uri(objectKey), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) {
        write(key, bytes, r -> {});
    }

    @Override
    public boolean putIfAbsent(String key, byte[] bytes) {
        return write(key, bytes, r -> r.ifNoneMatch("*"));
    }

    @Override
    public boolean putIfMatch(String key, byte[] bytes, String etag) {
        return write(key, bytes, r -> r.ifMatch(etag));
    }

    @Override
    public void delete(String key) {
        String objectKey = location.key(BlobKey.check(key));
        try {
            s3.deleteObject(r -> r.bucket(location.bucket()).key(objectKey));
        } catch (SdkException e) {
            throw AwsErrors.failed("DeleteObject " + uri(objectKey), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** True if written; false if a precondition failed (or the object to match is gone). */
    private boolean write(String key, byte[] bytes, Consumer<PutObjectRequest.Builder> condition) {
        String objectKey = location.key(BlobKey.check(key));
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(
                        r -> condition.accept(r.bucket(location.bucket()).key(objectKey)),
                        RequestBody.fromBytes(bytes));
                return true;
            } catch (SdkException e) {
                int status = AwsErrors.status(e);
                if (status == PRECONDITION_FAILED || status == NOT_FOUND) {
                    return false;
                }
                if (status == CONFLICT && attempt < CONFLICT_ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw AwsErrors.failed("PutObject " + uri(objectKey), e);
            }
        }
    }

    /** Back off before retrying a 409: the competing write settles within milliseconds. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallFailed("interrupted while retrying a conditional S3 write");
        }
    }

    @Override
    public String describe(String key) {
        return uri(location.key(key));
    }

    private String uri(String objectKey) {
        return "s3://" + location.bucket() + "/" + objectKey;
    }
}
