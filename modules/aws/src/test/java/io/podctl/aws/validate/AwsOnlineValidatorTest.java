package io.podctl.aws.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import io.podctl.aws.validate.OnlineFinding.Subject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.List;

@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsOnlineValidatorTest {

    private static final List<String> ZONES = List.of("us-west-2a", "us-west-2b", "us-west-2c");
    private static final String MISSING_AMI = "ami-0123456789abcdef0";

    private final AwsContext aws;
    private final OnlineValidator validator;
    private String imageId;
    private String secretArn;

    AwsOnlineValidatorTest(AwsContext aws) {
        this.aws = aws;
        this.validator = new AwsOnlineValidator(aws);
    }

    @BeforeAll
    void createReferencedResources() {
        try (Ec2Client ec2 = aws.ec2();
                SsmClient ssm = aws.ssm();
                SecretsManagerClient secrets = aws.secretsManager()) {
            // register our own image the way a bake pipeline would: from a running instance
            String baseImage =
                    ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            String instance =
                    ec2.runInstances(r -> r.imageId(baseImage).minCount(1).maxCount(1))
                            .instances()
                            .get(0)
                            .instanceId();
            imageId = ec2.createImage(r -> r.instanceId(instance).name("mesos-base-1")).imageId();
            ssm.putParameter(
                    r ->
                            r.name("/pods/images/mesos-base")
                                    .type(ParameterType.STRING)
                                    .value(imageId));
            ssm.putParameter(
                    r ->
                            r.name("/pods/images/stale")
                                    .type(ParameterType.STRING)
                                    .value(MISSING_AMI));
            ssm.putParameter(
                    r ->
                            r.name("/pods/p1/marathon/http-credentials")
                                    .type(ParameterType.SECURE_STRING)
                                    .value("s3cr3t-never-read"));
            secretArn = secrets.createSecret(r -> r.name("p1/zk-digest").secretString("x")).arn();
        }
    }

    @Test
    void existingReferencesGiveNoFindings() {
        List<OnlineFinding> findings =
                validator.validate(
                        check(
                                new ImageSource.Ami(imageId),
                                List.of(
                                        "ssm:/pods/p1/marathon/http-credentials",
                                        "secretsmanager:" + secretArn)));

        assertThat(findings).isEmpty();
    }

    @Test
    void zoneOutsideTheRegionIsReported() {
        OnlineCheck check =
                new OnlineCheck(
                        "us-west-2",
                        List.of("us-west-2a", "us-west-2x", "us-east-1a"),
                        new ImageSource.Ami(imageId),
                        List.of());

        assertThat(validator.validate(check))
                .extracting(OnlineFinding::subject, OnlineFinding::reference)
                .containsExactly(
                        tuple(Subject.ZONE, "us-west-2x"), tuple(Subject.ZONE, "us-east-1a"));
    }

    @Test
    void missingAmiIsReported() {
        assertThat(validator.validate(check(new ImageSource.Ami(MISSING_AMI), List.of())))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.subject()).isEqualTo(Subject.IMAGE);
                            assertThat(f.reference()).isEqualTo(MISSING_AMI);
                            assertThat(f.message()).contains("does not exist");
                        });
    }

    @Test
    void imageParameterNamingAnExistingAmiPasses() {
        assertThat(
                        validator.validate(
                                check(
                                        new ImageSource.SsmParameter("/pods/images/mesos-base"),
                                        List.of())))
                .isEmpty();
    }

    @Test
    void missingImageParameterIsReported() {
        assertThat(
                        validator.validate(
                                check(
                                        new ImageSource.SsmParameter("/pods/images/nope"),
                                        List.of())))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.reference()).isEqualTo("/pods/images/nope");
                            assertThat(f.message())
                                    .contains("parameter")
                                    .contains("does not exist");
                        });
    }

    @Test
    void imageParameterNamingAMissingAmiIsReported() {
        assertThat(
                        validator.validate(
                                check(
                                        new ImageSource.SsmParameter("/pods/images/stale"),
                                        List.of())))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.reference()).isEqualTo("/pods/images/stale");
                            assertThat(f.message())
                                    .contains(MISSING_AMI)
                                    .contains("does not exist");
                        });
    }

    @Test
    void missingSsmSecretIsReportedAndPresentOneIsNot() {
        List<OnlineFinding> findings =
                validator.validate(
                        check(
                                new ImageSource.Ami(imageId),
                                List.of(
                                        "ssm:/pods/p1/marathon/http-credentials",
                                        "ssm:/pods/p1/missing")));

        assertThat(findings)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.subject()).isEqualTo(Subject.SECRET);
                            assertThat(f.reference()).isEqualTo("ssm:/pods/p1/missing");
                        });
    }

    @Test
    void secretValuesNeverAppearInFindings() {
        List<OnlineFinding> findings =
                validator.validate(
                        check(
                                new ImageSource.Ami(imageId),
                                List.of(
                                        "ssm:/pods/p1/marathon/http-credentials",
                                        "hunter2-literal-password")));

        assertThat(findings).hasSize(1);
        assertThat(findings.toString()).doesNotContain("s3cr3t-never-read", "hunter2");
    }

    @Test
    void missingSecretsManagerSecretIsReported() {
        String missing = "arn:aws:secretsmanager:us-west-2:123456789012:secret:p1/gone-AbCdEf";

        assertThat(
                        validator.validate(
                                check(
                                        new ImageSource.Ami(imageId),
                                        List.of("secretsmanager:" + missing))))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.reference()).isEqualTo("secretsmanager:" + missing);
                            assertThat(f.message()).contains("does not exist");
                        });
    }

    @Test
    void secretInAnotherRegionIsReported() {
        String elsewhere = secretArn.replace(":us-west-2:", ":eu-west-1:");

        assertThat(
                        validator.validate(
                                check(
                                        new ImageSource.Ami(imageId),
                                        List.of("secretsmanager:" + elsewhere))))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("eu-west-1").contains("us-west-2"));
    }

    private static OnlineCheck check(ImageSource image, List<String> secrets) {
        return new OnlineCheck("us-west-2", ZONES, image, secrets);
    }
}
