package io.podctl.rollout.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.podctl.rollout.health.Endpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A JDK HttpServer on a free loopback port, the base of the Mesos and Marathon fakes. */
abstract class FakeHttpServer implements AutoCloseable {

    private final HttpServer server;

    FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(exchange);
            }
        });
        server.start();
    }

    abstract void serve(HttpExchange exchange) throws IOException;

    public Endpoint endpoint() {
        return Endpoint.loopback(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static void reply(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
