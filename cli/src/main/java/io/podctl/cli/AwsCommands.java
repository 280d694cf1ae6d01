package io.podctl.cli;

import io.podctl.aws.AwsCallFailed;
import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsUnreachable;
import java.util.function.Supplier;

/** How the AWS SDK commands reach AWS, and how their failures reach the user. */
final class AwsCommands {

    private AwsCommands() {}

    /** The context for --endpoint-url (or AWS_ENDPOINT_URL), after checking credentials exist. */
    static AwsContext context(String endpointUrl) {
        EngineSessions.requireCredentials();
        try {
            return AwsContext.fromEnvironment(endpointUrl);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** An AWS call that failed is exit 1 with the operation and the AWS error code. */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsUnreachable e) {
            throw new UserError(e.getMessage(), ExitCode.BAD_INPUT);
        } catch (AwsCallFailed e) {
            throw new UserError(e.getMessage(), ExitCode.FAILED);
        }
    }
}
