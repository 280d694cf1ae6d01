package io.podctl.aws.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretReferenceTest {

    @Test
    void ssmReferenceNamesTheParameter() {
        assertThat(SecretReference.parse("ssm:/pods/a/b"))
                .contains(new SecretReference.SsmParameter("ssm:/pods/a/b", "/pods/a/b"));
    }

    @Test
    void secretsManagerReferenceCarriesTheArnRegion() {
        String arn = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:a/b-XyZ123";

        assertThat(SecretReference.parse("secretsmanager:" + arn))
                .contains(
                        new SecretReference.SecretsManagerSecret(
                                "secretsmanager:" + arn, arn, "eu-central-1"));
    }

    @Test
    void literalsAndMalformedArnsAreNotReferences() {
        assertThat(SecretReference.parse("hunter2")).isEmpty();
        assertThat(SecretReference.parse("ssm:")).isEmpty();
        assertThat(SecretReference.parse("ssm:/")).isEmpty();
        assertThat(SecretReference.parse("secretsmanager:arn:aws:s3:::bucket")).isEmpty();
    }
}
