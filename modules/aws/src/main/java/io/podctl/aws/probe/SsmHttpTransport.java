package io.podctl.aws.probe;

import io.podctl.aws.command.RemoteCommand;
import io.podctl.rollout.health.HttpReply;
import io.podctl.rollout.health.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP requests made by curl on the target's own host, to 127.0.0.1 on the URI's port. The host
 * in the URI only picks the instance. A credential is read on the host ({@link HostSecret}).
 */
public final class SsmHttpTransport implements HttpTransport {

    private final HostRun run;
    private final Optional<HostSecret> credential;

    /** @param credential sent as HTTP basic authorization on every request; empty for none */
    public SsmHttpTransport(RemoteCommand remote, HostInstances instances, Duration deadline, Optional<HostSecret> credential) {
        this.run = new HostRun(remote, instances, deadline);
        this.credential = credential;
    }

    @Override
    public HttpReply get(URI uri) throws IOException {
        return send("GET", uri, Optional.empty());
    }

    @Override
    public HttpReply post(URI uri, String json) throws IOException {
        return send("POST", uri, Optional.of(json));
    }

    private HttpReply send(String method, URI uri, Optional<String> body) throws IOException {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String what = method + " " + uri.getPath();
        String command = HostCommands.http(method, uri.getPort(), path, body, credential);
        for (String line : run.run(uri.getHost(), command, what)) {
            if (line.equals("secret unreadable")) {
                throw new IOException(what + " on " + uri.getHost() + ": the host cannot read its credential");
            }
            if (line.startsWith("curl ")) {
                String[] parts = line.split(" ", 3);
                if (!parts[1].equals("0")) {
                    throw new IOException(what + " on " + uri.getHost() + ": curl to 127.0.0.1:" + uri.getPort() + " failed (exit " + parts[1] + ")");
                }
                return parse(Gzip.text(parts.length == 3 ? parts[2] : ""), what);
            }
        }
        throw new IOException(what + " on " + uri.getHost() + ": no curl result in the command output");
    }

    /** curl -i output: status line and headers, a blank line, the body (1xx interim replies skipped). */
    static HttpReply parse(String raw, String what) throws IOException {
        String rest = raw;
        while (true) {
            int split = rest.indexOf("\r\n\r\n");
            String head = split < 0 ? rest : rest.substring(0, split);
            String body = split < 0 ? "" : rest.substring(split + 4);
            List<String> lines = new ArrayList<>(head.lines().toList());
            if (lines.isEmpty() || !lines.get(0).startsWith("HTTP/")) {
                throw new IOException(what + ": not an HTTP reply");
            }
            String[] status = lines.get(0).split(" ", 3);
            int code;
            try {
                code = Integer.parseInt(status[1]);
            } catch (RuntimeException e) {
                throw new IOException(what + ": bad status line '" + lines.get(0) + "'");
            }
            if (code >= 100 && code < 200) {
                rest = body;
                continue;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
                }
            }
            return new HttpReply(code, HttpHeaders.of(new LinkedHashMap<>(headers), (name, value) -> true), body);
        }
    }
}
