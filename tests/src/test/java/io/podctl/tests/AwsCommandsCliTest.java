package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The CLI's AWS SDK commands as processes against a real moto server. */
@ExtendWith(MotoServer.class)
class AwsCommandsCliTest {

    private static final String SECRET = "marathon:s3cr3t-that-must-not-leak";

    @TempDir
    Path dir;

    private final MotoEndpoint moto;
    private final AwsContext aws;

    AwsCommandsCliTest(MotoEndpoint moto, AwsContext aws) {
        this.moto = moto;
        this.aws = aws;
    }

    /** The caller's default region is another one than the pods': podctl must use each pod's region. */
    private Map<String, String> env() {
        return Map.of("AWS_ACCESS_KEY_ID", MotoEndpoint.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoEndpoint.SECRET_KEY,
                "AWS_REGION", "eu-central-1", "AWS_EC2_METADATA_DISABLED", "true");
    }

    private Podctl.Result podctl(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--endpoint-url";
        all[args.length + 1] = moto.uri().toString();
        return Podctl.run(dir, env(), stdin, all);
    }

    @Test
    void secretsPutReadsStdinStoresASecureStringAndListShowsOnlyTheName() throws Exception {
        Podctl.copyFleet(dir);

        var put = podctl(SECRET + "\n", "secrets", "put", "prd-pod-1", "marathon/http-credentials");
        var list = podctl(null, "secrets", "list", "prd-pod-1");

        assertThat(put.exitCode()).as(put.all()).isZero();
        assertThat(put.stdout()).contains("stored /pods/prd-pod-1/marathon/http-credentials (SecureString");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).contains("marathon/http-credentials\t/pods/prd-pod-1/marathon/http-credentials", "1 secret for pod prd-pod-1");
        assertThat(put.all() + list.all()).doesNotContain(SECRET);
        try (SsmClient ssm = aws.ssm()) {
            var stored = ssm.getParameter(r -> r.name("/pods/prd-pod-1/marathon/http-credentials").withDecryption(true)).parameter();
            assertThat(stored.type()).isEqualTo(ParameterType.SECURE_STRING);
            assertThat(stored.value()).isEqualTo(SECRET); // the trailing newline of the pipe is dropped
        }
    }

    @Test
    void secretsPutWithNothingOnStdinStoresNothing() throws Exception {
        Podctl.copyFleet(dir);

        var put = podctl("", "secrets", "put", "prd-pod-1", "empty");

        assertThat(put.exitCode()).isEqualTo(2);
        assertThat(put.stderr()).contains("no value on stdin for secret empty");
    }

    @Test
    void statusOfAPodWithNoInstancesListsEveryPlannedNodeAsMissing() throws Exception {
        Podctl.copyFleet(dir);

        var r = podctl(null, "status", "not-prod-pod-1");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.stdout()).contains("pod not-prod-pod-1 in us-west-2: 0 control instances", "missing: ", "out of sync");
    }

    @Test
    void backendInitCreatesAVersionedPrivateBucket() {
        var r = podctl(null, "backend", "init", "s3://podctl-e2e-state/pods");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("backend s3://podctl-e2e-state/pods is ready");
        try (S3Client s3 = aws.s3()) {
            assertThat(s3.getBucketVersioning(b -> b.bucket("podctl-e2e-state")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(s3.getPublicAccessBlock(b -> b.bucket("podctl-e2e-state")).publicAccessBlockConfiguration().blockPublicAcls()).isTrue();
        }
    }

    @Test
    void validateOnlineReportsMissingAwsReferencesAtTheirLines() throws Exception {
        Podctl.copyFleet(dir);

        var r = podctl(null, "validate", "--online");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.stdout()).containsPattern("pods/prd-pod-1\\.yaml:\\d+:\\d+: error: SSM parameter /pods/prd-pod-1/marathon/http-credentials does not exist in us-west-2 \\(online\\)");
    }

    @Test
    void validateOnlineNamesAManifestObjectMissingFromTheMirrorAtItsUrlLine() throws Exception {
        Podctl.copyFleet(dir);
        java.util.List<String> manifest = java.nio.file.Files.readAllLines(dir.resolve("pods/artifacts.yaml"));
        String mesosUrl = "s3://platform-artifacts-us-west-2/mesos/1.11.0/mesos_1.11.0-debian12_amd64.deb";
        int mesosLine = manifest.indexOf("      url: " + mesosUrl) + 1;
        try (S3Client s3 = aws.withRegion("us-west-2").s3()) {
            s3.createBucket(r -> r.bucket("platform-artifacts-us-west-2")
                    .createBucketConfiguration(c -> c.locationConstraint(software.amazon.awssdk.services.s3.model.BucketLocationConstraint.US_WEST_2)));
            // every object the pods install is mirrored except Mesos 1.11.0
            for (String line : manifest) {
                String url = line.strip();
                if (url.startsWith("url: s3://platform-artifacts-us-west-2/") && !url.endsWith(mesosUrl)) {
                    String key = url.substring("url: s3://platform-artifacts-us-west-2/".length());
                    s3.putObject(r -> r.bucket("platform-artifacts-us-west-2").key(key), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
                }
            }
        }

        var r = podctl(null, "validate", "--online");

        assertThat(mesosLine).isPositive();
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.stdout()).contains("pods/artifacts.yaml:" + mesosLine + ":")
                .contains("error: mesos 1.11.0: object " + mesosUrl + " does not exist (S3 HeadObject in us-west-2) (online)")
                .doesNotContain("zookeeper 3.8.4: object");
    }
}
