package io.podctl.rollout.health;

import java.net.InetSocketAddress;
import java.net.URI;

/** A host and TCP port: a ZooKeeper client port, a Mesos master, a Marathon instance. */
public record Endpoint(String host, int port) {

    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code host:port}, as in Marathon's {@code /v2/leader} or a ZooKeeper connect string. */
    public static Endpoint parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        return new Endpoint(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    public static Endpoint loopback(int port) {
        return new Endpoint("127.0.0.1", port);
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    public URI http(String path) {
        return URI.create("http://" + this + path);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
