package io.podctl.aws.command;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SSM JSON endpoint that answers from a script, for the Run Command states moto cannot produce
 * (a command still running, a failed script, an unknown instance). It speaks the real wire
 * protocol, so the SDK client and our polling are exercised unchanged.
 */
final class ScriptedSsm implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    ScriptedSsm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Answers for an operation, used in order; the last repeats. An answer starting with "!" is an
     * error of that type, e.g. "!InvocationDoesNotExist".
     */
    ScriptedSsm on(String operation, String... bodies) {
        answers.put(operation, List.of(bodies));
        return this;
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    List<String> requestBodies() {
        return bodies;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int call = calls.computeIfAbsent(operation, o -> new AtomicInteger()).getAndIncrement();
        List<String> script = answers.getOrDefault(operation, List.of("{}"));
        String answer = script.get(Math.min(call, script.size() - 1));
        int status = 200;
        if (answer.startsWith("!")) {
            status = 400;
            answer = "{\"__type\":\"" + answer.substring(1) + "\",\"message\":\"scripted\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
