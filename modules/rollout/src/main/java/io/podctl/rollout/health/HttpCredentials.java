package io.podctl.rollout.health;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP basic credentials (Marathon's {@code --http_credentials user:password}). The password
 * never appears in {@link #toString()}, probe reasons or facts.
 */
public record HttpCredentials(String user, String password) {

    /** @throws IllegalArgumentException without quoting the value when it is not {@code user:password} */
    public static HttpCredentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0 || colon == userColonPassword.length() - 1) {
            throw new IllegalArgumentException("HTTP credentials must have the form user:password");
        }
        return new HttpCredentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1).strip());
    }

    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "HttpCredentials[user=" + user + ", password=***]";
    }
}
