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
public final class ProbeHttpClient {

    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param requestTimeout whole-request limit; keep it above 2.5 s, the time a Marathon standby
     *                       waits before answering 502 during an election
     */
    public ProbeHttpClient(Duration connectTimeout, Duration requestTimeout) {
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

    public HttpReply get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: GET " + uri, e);
        }
    }
}
