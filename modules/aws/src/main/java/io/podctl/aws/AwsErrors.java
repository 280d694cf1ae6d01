package io.podctl.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Reads the parts of an SDK failure that are safe and useful to show. */
public final class AwsErrors {

    private AwsErrors() {}

    /** The AWS error code ("InvalidAMIID.NotFound"), or empty when the call never reached AWS. */
    public static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            return code == null ? "" : code;
        }
        return "";
    }

    public static int status(SdkException e) {
        return e instanceof AwsServiceException service ? service.statusCode() : 0;
    }

    /** "DescribeImages failed: InvalidAMIID.Malformed (HTTP 400)" with the SDK exception as cause. */
    public static AwsCallFailed failed(String operation, SdkException e) {
        return new AwsCallFailed(operation + " failed: " + summary(e), e);
    }

    /** Code and status only, for calls whose request carried a secret. */
    public static String summary(SdkException e) {
        String code = code(e);
        if (code.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return code + " (HTTP " + status(e) + ")";
    }
}
