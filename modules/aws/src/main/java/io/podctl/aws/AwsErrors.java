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
        if (!(e instanceof AwsServiceException)) {
            return new AwsUnreachable(operation + " did not reach AWS: " + clientCause(e), e);
        }
        return new AwsCallFailed(operation + " failed: " + summary(e), e);
    }

    /**
     * Code and status only, for calls whose request carried a secret. A call that never reached
     * AWS says why (the SDK's client-side reason names an endpoint or a setting, not the request).
     */
    public static String summary(SdkException e) {
        String code = code(e);
        if (code.isEmpty()) {
            return e instanceof AwsServiceException ? e.getClass().getSimpleName() : "did not reach AWS: " + clientCause(e);
        }
        return code + " (HTTP " + status(e) + ")";
    }

    /** The SDK's client-side reason in one printable line: "Unable to execute HTTP request: Connect to ... refused". */
    static String clientCause(SdkException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).replaceAll("\\p{Cntrl}", "?").strip();
        return line.length() > 240 ? line.substring(0, 240) + "..." : line;
    }
}
