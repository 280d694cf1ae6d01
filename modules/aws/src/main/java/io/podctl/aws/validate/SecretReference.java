package io.podctl.aws.validate;

import java.util.Optional;

/** A parsed {@code secrets} value: {@code ssm:/path} or {@code secretsmanager:arn:...}. */
public sealed interface SecretReference {

    String written();

    record SsmParameter(String written, String name) implements SecretReference {}

    /**
     * @param region the region in the ARN (fourth field)
     */
    record SecretsManagerSecret(String written, String arn, String region)
            implements SecretReference {}

    /** Empty when the text is neither form; offline validation reports that, without the value. */
    public static Optional<SecretReference> parse(String written) {
        if (written.startsWith("ssm:/") && written.length() > "ssm:/".length()) {
            return Optional.of(new SsmParameter(written, written.substring("ssm:".length())));
        }
        String prefix = "secretsmanager:";
        if (written.startsWith(prefix + "arn:")) {
            String arn = written.substring(prefix.length());
            String[] fields = arn.split(":", 7);
            if (fields.length >= 7 && fields[2].equals("secretsmanager") && !fields[3].isEmpty()) {
                return Optional.of(new SecretsManagerSecret(written, arn, fields[3]));
            }
        }
        return Optional.empty();
    }
}
