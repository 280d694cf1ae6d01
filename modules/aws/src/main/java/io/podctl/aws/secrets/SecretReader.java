package io.podctl.aws.secrets;

import io.podctl.aws.AwsCallFailed;
import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import io.podctl.aws.validate.SecretReference;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reads the value behind a spec's secret reference, for podctl's own use (the rollout's probes
 * log in to Marathon with it). Errors name the reference, never the value; callers must not
 * print what they get.
 */
public final class SecretReader {

    private final AwsContext context;

    public SecretReader(AwsContext context) {
        this.context = context;
    }

    /** @param reference {@code ssm:/path} or {@code secretsmanager:arn:...} */
    public String read(String reference) {
        SecretReference parsed = SecretReference.parse(reference)
                .orElseThrow(() -> new IllegalArgumentException("not a secret reference (ssm:/... or secretsmanager:arn:...): " + reference));
        try {
            if (parsed instanceof SecretReference.SsmParameter ssm) {
                try (SsmClient client = context.ssm()) {
                    return client.getParameter(r -> r.name(ssm.name()).withDecryption(true)).parameter().value();
                }
            }
            SecretReference.SecretsManagerSecret secret = (SecretReference.SecretsManagerSecret) parsed;
            try (SecretsManagerClient client = context.withRegion(secret.region()).secretsManager()) {
                return client.getSecretValue(r -> r.secretId(secret.arn())).secretString();
            }
        } catch (SdkException e) {
            throw new AwsCallFailed("could not read secret " + reference + ": " + AwsErrors.summary(e));
        }
    }
}
