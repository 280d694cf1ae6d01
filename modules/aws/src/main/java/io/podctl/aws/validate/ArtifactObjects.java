package io.podctl.aws.validate;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whether an artifact manifest's object exists where hosts will fetch it: S3 HeadObject for
 * {@code s3://} (with the caller's credentials, as the bucket's policy sees podctl's user), an
 * HTTP HEAD for {@code https://}. Nothing is downloaded.
 */
public final class ArtifactObjects {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final AwsContext aws;
    private final HttpClient http;

    public ArtifactObjects(AwsContext aws) {
        this.aws = aws;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** What is wrong with the object at {@code url}, or empty when it is there. */
    public Optional<String> problem(String url, String region) {
        URI uri = URI.create(url);
        return switch (uri.getScheme()) {
            case "s3" -> s3(uri, region);
            case "https", "http" -> head(uri);
            default -> Optional.of("unsupported location " + url);
        };
    }

    private Optional<String> s3(URI uri, String region) {
        String bucket = uri.getHost();
        String key = uri.getPath().replaceFirst("^/", "");
        try (S3Client s3 = aws.withRegion(region).s3()) {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.empty();
        } catch (SdkException e) {
            return switch (AwsErrors.status(e)) {
                case 404 -> Optional.of("object " + uri + " does not exist (S3 HeadObject in " + region + ")");
                case 403 -> Optional.of("object " + uri + " cannot be read with these credentials (HTTP 403)");
                case 301 -> Optional.of("bucket " + bucket + " is not in " + region + " (HTTP 301)");
                default -> throw AwsErrors.failed("HeadObject " + uri, e);
            };
        }
    }

    private Optional<String> head(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HEAD " + uri + " answered HTTP " + status);
        } catch (IOException e) {
            return Optional.of("HEAD " + uri + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("HEAD " + uri + " was interrupted");
        }
    }
}
