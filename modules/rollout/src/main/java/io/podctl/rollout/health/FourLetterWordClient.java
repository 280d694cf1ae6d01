package io.podctl.rollout.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Four-letter words over a plain TCP socket on the client port: write the word, read until the
 * server closes the connection (it always does after one reply).
 */
public final class FourLetterWordClient implements FourLetterWords {

    private static final String NOT_WHITELISTED = "is not executed because it is not in the whitelist";

    private final Duration connectTimeout;
    private final Duration readTimeout;

    public FourLetterWordClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public FourLetterWordClient() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Override
    public String send(Endpoint server, String word) throws IOException {
        if (word.length() != 4) {
            throw new IllegalArgumentException("not a four-letter word: " + word);
        }
        try (Socket socket = new Socket()) {
            socket.connect(server.socketAddress(), Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readToEnd(socket.getInputStream());
            if (reply.contains(NOT_WHITELISTED)) {
                throw new FourLetterWordRefusedException(server, word);
            }
            return reply;
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        in.transferTo(reply);
        return reply.toString(StandardCharsets.UTF_8);
    }
}
