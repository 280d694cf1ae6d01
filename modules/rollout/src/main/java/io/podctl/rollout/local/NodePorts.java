package io.podctl.rollout.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** The loopback ports one local ZooKeeper server listens on. */
public record NodePorts(int client, int quorum, int election, int admin) {

    /**
     * Free ports for {@code nodes} servers. All sockets stay open until every port is chosen so
     * no port is handed out twice; another process may still grab one before ZooKeeper binds it.
     */
    public static List<NodePorts> allocate(int nodes) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < nodes * 4; i++) {
                held.add(new ServerSocket(0, 1, loopback));
            }
            List<NodePorts> ports = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                ports.add(new NodePorts(held.get(4 * n).getLocalPort(), held.get(4 * n + 1).getLocalPort(),
                        held.get(4 * n + 2).getLocalPort(), held.get(4 * n + 3).getLocalPort()));
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve loopback ports", e);
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            });
        }
    }
}
