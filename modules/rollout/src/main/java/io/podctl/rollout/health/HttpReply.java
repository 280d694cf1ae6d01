package io.podctl.rollout.health;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** Status, headers and body of one probe request. */
public record HttpReply(int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
