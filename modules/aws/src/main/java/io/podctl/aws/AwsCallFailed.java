package io.podctl.aws;

/**
 * An AWS call that did not succeed, phrased for the user (which operation, on what, the AWS error
 * code). Callers that handle secret values build it without the SDK's message and cause, since AWS
 * validation messages may echo request fields.
 */
public class AwsCallFailed extends RuntimeException {

    public AwsCallFailed(String message, Throwable cause) {
        super(message, cause);
    }

    public AwsCallFailed(String message) {
        super(message);
    }
}
