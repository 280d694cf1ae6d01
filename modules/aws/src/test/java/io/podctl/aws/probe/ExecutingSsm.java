package io.podctl.aws.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An SSM endpoint that really runs what SendCommand carries: the script goes to {@code sh -c} on
 * this machine, as AWS-RunShellScript hands it to sh on an instance, and GetCommandInvocation
 * answers with its exit code and output cut at SSM's 24,000 characters. Every instance is this
 * machine; the services a command reaches listen on loopback. Moto cannot do this: it records
 * commands without running them.
 */
final class ExecutingSsm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STDOUT_LIMIT = 24_000;

    record Sent(String instanceId, String command) {
    }

    private record Result(String instanceId, int exitCode, String stdout, String stderr) {
    }

    private final HttpServer server;
    private final Map<String, String> environment;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> outputs = new CopyOnWriteArrayList<>();

    /** @param environment added to each command's environment (e.g. where the AWS CLI finds its API) */
    ExecutingSsm(Map<String, String> environment) throws IOException {
        this.environment = Map.copyOf(environment);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every command text received, in order. */
    List<Sent> sent() {
        return sent;
    }

    /** Everything the commands printed, stdout and stderr, as returned. */
    List<String> outputs() {
        return outputs;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        ObjectNode reply = JSON.createObjectNode();
        switch (operation) {
            case "SendCommand" -> {
                String instance = request.path("InstanceIds").path(0).asText();
                String command = request.path("Parameters").path("commands").path(0).asText();
                sent.add(new Sent(instance, command));
                String id = UUID.randomUUID().toString();
                results.put(id, execute(instance, command));
                reply.putObject("Command").put("CommandId", id).put("DocumentName", request.path("DocumentName").asText())
                        .putArray("InstanceIds").add(instance);
            }
            case "GetCommandInvocation" -> {
                Result result = results.get(request.path("CommandId").asText());
                if (result == null) {
                    send(exchange, 400, "{\"__type\":\"InvocationDoesNotExist\",\"message\":\"unknown\"}");
                    return;
                }
                reply.put("CommandId", request.path("CommandId").asText()).put("InstanceId", result.instanceId())
                        .put("Status", result.exitCode() == 0 ? "Success" : "Failed")
                        .put("StatusDetails", result.exitCode() == 0 ? "Success" : "Failed")
                        .put("ResponseCode", result.exitCode())
                        .put("StandardOutputContent", cut(result.stdout()))
                        .put("StandardErrorContent", cut(result.stderr()));
            }
            case "CancelCommand" -> { }
            default -> {
                send(exchange, 400, "{\"__type\":\"InvalidAction\",\"message\":\"" + operation + "\"}");
                return;
            }
        }
        send(exchange, 200, reply.toString());
    }

    private Result execute(String instance, String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command);
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("ssm-out", ".txt");
        Path err = Files.createTempFile("ssm-err", ".txt");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(instance, -1, "", "timed out");
            }
            Result result = new Result(instance, process.exitValue(), Files.readString(out), Files.readString(err));
            outputs.add(result.stdout());
            outputs.add(result.stderr());
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String cut(String text) {
        return text.length() > STDOUT_LIMIT ? text.substring(0, STDOUT_LIMIT) : text;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
