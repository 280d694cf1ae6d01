package io.podctl.rollout.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET requests for the Mesos and Marathon probes. Redirects are never followed: a Mesos 307 is
 * itself the answer to "who leads".
 */
public final class ProbeHttpClient implements HttpTransport {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final HttpCredentials credentials;

    /**
     * @param requestTimeout whole-request limit; keep it above 2.5 s, the time a Marathon standby
     *                       waits before answering 502 during an election
     */
    public ProbeHttpClient(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, null);
    }

    /** @param credentials sent as HTTP basic authorization on every request; null for none */
    public ProbeHttpClient(Duration connectTimeout, Duration requestTimeout, HttpCredentials credentials) {
        this.credentials = credentials;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
    }

    public ProbeHttpClient() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** The default timeouts with basic credentials (Marathon behind --http_credentials). */
    public static ProbeHttpClient withCredentials(HttpCredentials credentials) {
        return new ProbeHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5), credentials);
    }

    @Override
    public HttpReply get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A JSON POST, for the v1 operator API's read-only calls (GET_VERSION). */
    @Override
    public HttpReply post(URI uri, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpReply send(HttpRequest.Builder builder) throws IOException {
        URI uri = builder.copy().build().uri();
        builder.timeout(requestTimeout).header("Accept", "application/json");
        if (credentials != null) {
            builder.header("Authorization", credentials.authorization());
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + uri, e);
        }
    }
}
