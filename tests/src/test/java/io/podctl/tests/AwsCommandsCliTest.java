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
}
