package io.podctl.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom podctl talks to AWS: region, credentials and an optional endpoint override (an
 * emulator such as moto, or a VPC endpoint). Every client podctl builds comes from here, so the
 * override reaches all of them. Immutable; clients it builds belong to the caller.
 */
public final class AwsContext {

    /** The environment variable the AWS CLI and SDKs read for a global endpoint override. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    private final Optional<Region> region;
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final List<ExecutionInterceptor> interceptors;

    private AwsContext(
            Optional<Region> region,
            AwsCredentialsProvider credentials,
            Optional<URI> endpoint,
            List<ExecutionInterceptor> interceptors) {
        this.region = region;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.endpoint = endpoint;
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * Region and credentials from the standard AWS provider chains (env, profile, instance role); the
     * endpoint from {@code --endpoint-url} when given, else from {@code AWS_ENDPOINT_URL}.
     *
     * @param endpointFlag the {@code --endpoint-url} value, or null
     */
    public static AwsContext fromEnvironment(String endpointFlag) {
        return fromEnvironment(endpointFlag, System.getenv());
    }

    static AwsContext fromEnvironment(String endpointFlag, Map<String, String> env) {
        Optional<URI> endpoint =
                Optional.ofNullable(blankToNull(endpointFlag))
                        .or(() -> Optional.ofNullable(blankToNull(env.get(ENDPOINT_ENV))))
                        .map(AwsContext::endpointUri);
        return new AwsContext(
                Optional.empty(),
                DefaultCredentialsProvider.builder().build(),
                endpoint,
                List.of());
    }

    /** A fully explicit context, as tests and emulators need. */
    public static AwsContext of(String region, AwsCredentialsProvider credentials, URI endpoint) {
        return new AwsContext(
                Optional.of(Region.of(region)),
                credentials,
                Optional.ofNullable(endpoint),
                List.of());
    }

    /** The same context in another region (a pod's region wins over the profile's). */
    public AwsContext withRegion(String regionName) {
        return new AwsContext(
                Optional.of(Region.of(regionName)), credentials, endpoint, interceptors);
    }

    /** The same context with an interceptor on every client (request counting, tracing). */
    public AwsContext withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(interceptor);
        return new AwsContext(region, credentials, endpoint, all);
    }

    /** The region clients will use: the explicit one, else the provider chain's. */
    public Region region() {
        return region.orElseGet(AwsContext::regionFromChain);
    }

    public Optional<URI> endpoint() {
        return endpoint;
    }

    public Ec2Client ec2() {
        return configure(Ec2Client.builder()).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder()).build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder()).build();
    }

    /** Path-style addressing when the endpoint is overridden: emulators have no bucket DNS. */
    public S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(endpoint.isPresent()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region())
                .credentialsProvider(credentials)
                .overrideConfiguration(
                        ClientOverrideConfiguration.builder()
                                .executionInterceptors(interceptors)
                                .apiCallTimeout(Duration.ofMinutes(2))
                                .build());
        endpoint.ifPresent(builder::endpointOverride);
        // explicit, because the SDK finds several HTTP clients on the classpath and refuses to pick
        builder.httpClientBuilder(
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        return builder;
    }

    private static Region regionFromChain() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new AwsUnreachable(
                    "no AWS region configured: set AWS_REGION (or a profile region), or give the pod's"
                            + " region",
                    e);
        }
    }

    private static URI endpointUri(String value) {
        URI uri = URI.create(value.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "endpoint URL must look like http://host:port, got: " + value);
        }
        return uri;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "AwsContext[region="
                + region.map(Region::id).orElse("(provider chain)")
                + ", endpoint="
                + endpoint.map(URI::toString).orElse("(AWS)")
                + "]";
    }
}
