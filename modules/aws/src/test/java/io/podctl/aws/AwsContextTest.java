package io.podctl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

@ExtendWith(MotoServer.class)
class AwsContextTest {

    @Test
    void endpointFlagWinsOverEnvironment() {
        AwsContext context =
                AwsContext.fromEnvironment(
                        "http://127.0.0.1:4566",
                        Map.of(AwsContext.ENDPOINT_ENV, "http://127.0.0.1:9999"));

        assertThat(context.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void endpointComesFromEnvironmentWithoutFlag() {
        AwsContext context =
                AwsContext.fromEnvironment(
                        null, Map.of(AwsContext.ENDPOINT_ENV, "http://127.0.0.1:9999"));

        assertThat(context.endpoint()).contains(URI.create("http://127.0.0.1:9999"));
    }

    @Test
    void noEndpointMeansRealAws() {
        assertThat(AwsContext.fromEnvironment(" ", Map.of()).endpoint()).isEmpty();
    }

    @Test
    void endpointWithoutSchemeIsRejected() {
        assertThatThrownBy(() -> AwsContext.fromEnvironment("localhost:4566", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost:4566");
    }

    @Test
    void podRegionOverridesTheProfileRegion(AwsContext moto) {
        assertThat(moto.withRegion("eu-west-1").region()).isEqualTo(Region.EU_WEST_1);
        assertThat(moto.withRegion("eu-west-1").endpoint()).isEqualTo(moto.endpoint());
    }

    @Test
    void overriddenEndpointReachesClientsWithPathStyleS3(AwsContext moto) {
        // a virtual-host-style request would go to bucket.127.0.0.1 and fail to resolve
        try (S3Client s3 = moto.s3()) {
            s3.createBucket(
                    r ->
                            r.bucket("path.style")
                                    .createBucketConfiguration(
                                            c -> c.locationConstraint("us-west-2")));
            s3.putObject(r -> r.bucket("path.style").key("k"), RequestBody.fromString("v"));

            String read =
                    s3.getObjectAsBytes(r -> r.bucket("path.style").key("k"))
                            .asString(StandardCharsets.UTF_8);

            assertThat(read).isEqualTo("v");
        }
    }
}
