package io.podctl.aws.secrets;

import io.podctl.aws.AwsCallFailed;
import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.Comparator;
import java.util.List;

/** {@link SecretStore} on SSM Parameter Store, encrypted with the account's default SSM key. */
public final class SsmSecretStore implements SecretStore {

    private final AwsContext context;

    public SsmSecretStore(AwsContext context) {
        this.context = context;
    }

    @Override
    public String put(String pod, String key, char[] value) {
        SecretPath path = new SecretPath(pod, key);
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("secret " + path.parameterName() + " needs a value");
        }
        try (SsmClient ssm = context.ssm()) {
            // the SDK only takes a String, so the value cannot be wiped from memory afterwards
            ssm.putParameter(
                    r ->
                            r.name(path.parameterName())
                                    .type(ParameterType.SECURE_STRING)
                                    .overwrite(true)
                                    .value(new String(value)));
            return path.parameterName();
        } catch (SdkException e) {
            // no SDK message and no cause: AWS validation errors may quote request fields
            throw new AwsCallFailed(
                    "could not store secret " + path.parameterName() + ": " + AwsErrors.summary(e));
        }
    }

    @Override
    public List<SecretEntry> list(String pod) {
        String prefix = SecretPath.prefix(pod);
        ParameterStringFilter underPod =
                ParameterStringFilter.builder()
                        .key("Path")
                        .option("Recursive")
                        .values(prefix.substring(0, prefix.length() - 1))
                        .build();
        try (SsmClient ssm = context.ssm()) {
            // DescribeParameters returns metadata only: values never leave SSM here
            return ssm.describeParametersPaginator(r -> r.parameterFilters(underPod)).stream()
                    .flatMap(page -> page.parameters().stream())
                    .map(
                            p ->
                                    new SecretEntry(
                                            p.name().substring(prefix.length()),
                                            p.name(),
                                            p.lastModifiedDate()))
                    .sorted(Comparator.comparing(SecretEntry::key))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.failed("DescribeParameters under " + prefix, e);
        }
    }
}
