package io.podctl.aws.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/** Manifest objects checked where hosts fetch them: moto's S3 and a local HTTP mirror. */
@ExtendWith(MotoServer.class)
class ArtifactObjectsTest {
    private final AwsContext aws;

    ArtifactObjectsTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void s3ObjectsAreFoundOrNamedMissing() {
        try (S3Client s3 = aws.withRegion("us-west-2").s3()) {
            s3.createBucket(r -> r.bucket("mirror-artifacts").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2)));
            s3.putObject(r -> r.bucket("mirror-artifacts").key("zookeeper/3.8.4/zk.tar.gz"), RequestBody.fromString("tarball"));
        }
        ArtifactObjects objects = new ArtifactObjects(aws);

        assertThat(objects.problem("s3://mirror-artifacts/zookeeper/3.8.4/zk.tar.gz", "us-west-2")).isEmpty();
        assertThat(objects.problem("s3://mirror-artifacts/zookeeper/3.9.5/zk.tar.gz", "us-west-2"))
                .contains("object s3://mirror-artifacts/zookeeper/3.9.5/zk.tar.gz does not exist (S3 HeadObject in us-west-2)");
        assertThat(objects.problem("s3://no-such-bucket-here/x.deb", "us-west-2")).isPresent();
    }

    @Test
    void httpsObjectsAreCheckedWithAHeadRequest() throws Exception {
        HttpServer mirror = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mirror.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/marathon/1.11.24/marathon.tgz");
            exchange.getResponseHeaders().add("X-Method", exchange.getRequestMethod());
            exchange.sendResponseHeaders(known && exchange.getRequestMethod().equals("HEAD") ? 200 : 404, -1);
            exchange.close();
        });
        mirror.start();
        try {
            String base = "http://127.0.0.1:" + mirror.getAddress().getPort();
            ArtifactObjects objects = new ArtifactObjects(aws);

            assertThat(objects.problem(base + "/marathon/1.11.24/marathon.tgz", "us-west-2")).isEmpty();
            assertThat(objects.problem(base + "/marathon/1.11.99/marathon.tgz", "us-west-2"))
                    .contains("HEAD " + base + "/marathon/1.11.99/marathon.tgz answered HTTP 404");
        } finally {
            mirror.stop(0);
        }
    }
}
