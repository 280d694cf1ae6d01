package io.podctl.aws.backend;

import io.podctl.aws.AwsCallFailed;
import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** Prepares the state bucket in the context's region. */
public final class S3StateBackend implements StateBackend {

    private final AwsContext context;

    public S3StateBackend(AwsContext context) {
        this.context = context;
    }

    @Override
    public BackendLocation initBackend(String url) {
        BackendLocation location = BackendLocation.parse(url);
        String bucket = location.bucket();
        Region region = context.region();
        try (S3Client s3 = context.s3()) {
            create(s3, bucket, region);
            // versioning: a bad `pulumi up` or journal write can be rolled back to an older object
            step(
                    "PutBucketVersioning",
                    bucket,
                    () ->
                            s3.putBucketVersioning(
                                    r ->
                                            r.bucket(bucket)
                                                    .versioningConfiguration(
                                                            v ->
                                                                    v.status(
                                                                            BucketVersioningStatus
                                                                                    .ENABLED))));
            ServerSideEncryptionRule aes256 =
                    ServerSideEncryptionRule.builder()
                            .applyServerSideEncryptionByDefault(
                                    d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                            .build();
            step(
                    "PutBucketEncryption",
                    bucket,
                    () ->
                            s3.putBucketEncryption(
                                    r ->
                                            r.bucket(bucket)
                                                    .serverSideEncryptionConfiguration(
                                                            c -> c.rules(aes256))));
            // state files hold resource ids and outputs: never public, whatever a later policy says
            step(
                    "PutPublicAccessBlock",
                    bucket,
                    () ->
                            s3.putPublicAccessBlock(
                                    r ->
                                            r.bucket(bucket)
                                                    .publicAccessBlockConfiguration(
                                                            b ->
                                                                    b.blockPublicAcls(true)
                                                                            .ignorePublicAcls(true)
                                                                            .blockPublicPolicy(true)
                                                                            .restrictPublicBuckets(
                                                                                    true))));
        }
        return location;
    }

    private static void create(S3Client s3, String bucket, Region region) {
        try {
            // us-east-1 is the one region that rejects an explicit location constraint
            if (region.equals(Region.US_EAST_1)) {
                s3.createBucket(r -> r.bucket(bucket));
            } else {
                s3.createBucket(
                        r ->
                                r.bucket(bucket)
                                        .createBucketConfiguration(
                                                c -> c.locationConstraint(region.id())));
            }
        } catch (BucketAlreadyOwnedByYouException e) {
            // a second init: the settings below are reapplied, which is harmless
        } catch (BucketAlreadyExistsException e) {
            throw new AwsCallFailed(
                    "bucket " + bucket + " belongs to another AWS account: choose another name", e);
        } catch (SdkException e) {
            throw AwsErrors.failed("CreateBucket " + bucket + " in " + region.id(), e);
        }
    }

    private static void step(String operation, String bucket, Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            throw AwsErrors.failed(operation + " on " + bucket, e);
        }
    }
}
