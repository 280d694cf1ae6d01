package io.podctl.aws.probe;

/**
 * Where a host reads a credential for a probe, so the value is read on the host and never
 * travels in the command text (SSM keeps every command in its history).
 */
public sealed interface HostSecret {

    /** The shell command, run on the host, that prints the value. */
    String readCommand();

    /** A file the host fetched at boot, e.g. under {@code /run/podctl/secrets/<service>/}. */
    record File(String path) implements HostSecret {
        @Override
        public String readCommand() {
            return "cat -- " + Shell.quote(path);
        }
    }

    /**
     * A reference from the pod's spec ({@code ssm:/pods/<pod>/...} or {@code secretsmanager:arn}),
     * read with the host's own role, which may read the pod's secrets.
     */
    record Stored(String reference, String region) implements HostSecret {

        public Stored {
            if (!reference.startsWith("ssm:") && !reference.startsWith("secretsmanager:")) {
                // never echo the value: it may be a pasted secret
                throw new IllegalArgumentException("a secret reference must start with ssm: or secretsmanager:");
            }
        }

        @Override
        public String readCommand() {
            String id = reference.substring(reference.indexOf(':') + 1);
            return reference.startsWith("ssm:")
                    ? "aws ssm get-parameter --region " + Shell.quote(region) + " --name " + Shell.quote(id)
                            + " --with-decryption --query Parameter.Value --output text"
                    : "aws secretsmanager get-secret-value --region " + Shell.quote(region) + " --secret-id " + Shell.quote(id)
                            + " --query SecretString --output text";
        }
    }
}
