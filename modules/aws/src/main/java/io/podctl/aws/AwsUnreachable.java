package io.podctl.aws;

/**
 * An AWS call that never reached AWS: no region, no credentials, an endpoint that does not
 * answer. A configuration problem of the caller's (exit 2 in the CLI), not a refusal by AWS.
 */
public final class AwsUnreachable extends AwsCallFailed {

    public AwsUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
