package io.podctl.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;

/** A running moto server as tests see it: where it listens and how to talk to it. */
public record MotoEndpoint(URI uri) {

    /** moto accepts any credentials; these are obviously fake so no real key is ever needed. */
    public static final String ACCESS_KEY = "AKIAPODCTLMOTOTEST";

    public static final String SECRET_KEY = "secret";
    public static final String REGION = "us-west-2";

    /** The account moto pretends to be. */
    public static final String ACCOUNT = "123456789012";

    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A context aimed at this server in {@link #REGION}. */
    public AwsContext context() {
        return AwsContext.of(REGION, credentials(), uri);
    }
}
