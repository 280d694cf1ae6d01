package io.podctl.aws.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

@ExtendWith(MotoServer.class)
class S3StateBackendTest {

    private final AwsContext aws;

    S3StateBackendTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void initCreatesAVersionedEncryptedPrivateBucketInTheRegion() {
        BackendLocation location =
                new S3StateBackend(aws).initBackend("s3://podctl-state/fleet/prod");

        assertThat(location).isEqualTo(new BackendLocation("podctl-state", "fleet/prod"));
        assertSecured("podctl-state", "us-west-2");
    }

    @Test
    void secondInitOnAPreparedBucketSucceedsAndKeepsSettings() {
        StateBackend backend = new S3StateBackend(aws);
        backend.initBackend("s3://podctl-twice");

        backend.initBackend("s3://podctl-twice/");

        assertSecured("podctl-twice", "us-west-2");
    }

    @Test
    void usEast1BucketIsCreatedWithoutALocationConstraint() {
        new S3StateBackend(aws.withRegion("us-east-1")).initBackend("s3://podctl-virginia");

        try (S3Client s3 = aws.withRegion("us-east-1").s3()) {
            assertThat(s3.listBuckets().buckets())
                    .extracting(b -> b.name())
                    .contains("podctl-virginia");
        }
    }

    @Test
    void badUrlsAreRejectedBeforeAnyCall() {
        StateBackend backend = new S3StateBackend(aws);
        assertThatThrownBy(() -> backend.initBackend("gs://bucket"))
                .hasMessageContaining("s3://bucket/prefix");
        assertThatThrownBy(() -> backend.initBackend("s3://Bad_Bucket"))
                .hasMessageContaining("Bad_Bucket");
    }

    @Test
    void locationTrimsSlashesAndBuildsKeys() {
        BackendLocation location = BackendLocation.parse("s3://b-1/a/b/");

        assertThat(location.prefix()).isEqualTo("a/b");
        assertThat(location.key("journal.json")).isEqualTo("a/b/journal.json");
        assertThat(BackendLocation.parse("s3://b-1").key("journal.json")).isEqualTo("journal.json");
        assertThat(location.url()).isEqualTo("s3://b-1/a/b");
    }

    private void assertSecured(String bucket, String region) {
        try (S3Client s3 = aws.s3()) {
            assertThat(s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString())
                    .isEqualTo(region);
            assertThat(s3.getBucketVersioning(r -> r.bucket(bucket)).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(
                            s3.getBucketEncryption(r -> r.bucket(bucket))
                                    .serverSideEncryptionConfiguration()
                                    .rules())
                    .singleElement()
                    .satisfies(
                            rule ->
                                    assertThat(
                                                    rule.applyServerSideEncryptionByDefault()
                                                            .sseAlgorithm())
                                            .isEqualTo(ServerSideEncryption.AES256));
            PublicAccessBlockConfiguration block =
                    s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
            assertThat(block.blockPublicAcls()).isTrue();
            assertThat(block.ignorePublicAcls()).isTrue();
            assertThat(block.blockPublicPolicy()).isTrue();
            assertThat(block.restrictPublicBuckets()).isTrue();
        }
    }
}
