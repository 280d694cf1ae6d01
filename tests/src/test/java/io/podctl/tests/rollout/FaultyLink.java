package io.podctl.tests.rollout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/**
 * One direction of a network link between two local ZooKeeper servers: a loopback TCP relay
 * in front of one server's quorum or election port, used by exactly one other server. Its
 * faults act on the real bytes the servers exchange:
 * <ul>
 *   <li>{@link #blackhole()}: bytes are dropped in both directions and new connections are
 *       accepted but never answered, as a silent partition (packets dropped) looks to ZooKeeper:
 *       it notices only by its own timeouts. On healing, every connection that lost bytes is
 *       reset, as TCP would after its retries gave up;</li>
 *   <li>{@link #delay(Duration)}: every byte is forwarded in order, {@code d} later in each
 *       direction.</li>
 * </ul>
 */
final class FaultyLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    /** Applied to the first bytes a connecting server sends (ZooKeeper's election handshake). */
    private final UnaryOperator<InputStream> firstMessage;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean blackholed;
    private volatile long delayNanos;
    private volatile boolean open = true;

    /**
     * @param firstMessage reads the connecting side's first message from the stream it is given
     *                     and returns a stream with the bytes to send on instead, rest included
     */
    FaultyLink(int target, UnaryOperator<InputStream> firstMessage) {
        this.target = target;
        this.firstMessage = firstMessage;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "link-" + port() + "->" + target);
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void blackhole() {
        blackholed = true;
    }

    void delay(Duration d) {
        delayNanos = d.toNanos();
    }

    /** No fault, no delay; connections that lost bytes while blackholed are reset. */
    void heal() {
        blackholed = false;
        delayNanos = 0;
        connections.stream().filter(c -> c.damaged).forEach(Connection::close);
    }

    private void accept() {
        while (open) {
            Socket from;
            try {
                from = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                from.setTcpNoDelay(true);
                if (blackholed) {
                    Connection unanswered = new Connection(from, null);
                    unanswered.damaged = true;
                    connections.add(unanswered);
                    unanswered.start();
                    continue;
                }
                Socket to = new Socket();
                to.setTcpNoDelay(true);
                to.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2_000);
                Connection connection = new Connection(from, to);
                connections.add(connection);
                connection.start();
            } catch (IOException e) {
                closeQuietly(from); // the server behind it is down: the connecting side sees a reset
            }
        }
    }

    /** Two relayed sockets; each direction is read by one thread and written by another, so a delay is a latency, not a throttle. */
    private final class Connection {
        final Socket from;
        final Socket to;
        volatile boolean damaged;

        Connection(Socket from, Socket to) {
            this.from = from;
            this.to = to;
        }

        /** With no {@code to} (opened while blackholed), what the connecting side sends is read and dropped. */
        void start() throws IOException {
            InputStream sent = from.getInputStream();
            relay(() -> firstMessage.apply(sent), to == null ? OutputStream.nullOutputStream() : to.getOutputStream(), "out");
            if (to != null) {
                InputStream answered = to.getInputStream();
                relay(() -> answered, from.getOutputStream(), "back");
            }
        }

        private void relay(java.util.function.Supplier<InputStream> source, OutputStream out, String direction) {
            LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    InputStream in = source.get();
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        if (blackholed) {
                            damaged = true;
                            continue;
                        }
                        due.add(System.nanoTime() + delayNanos);
                        queue.add(Arrays.copyOf(buffer, n));
                    }
                } catch (IOException | UncheckedIOException ignored) {
                    // reset or closed: the writer ends the connection
                }
                due.add(-1L);
                queue.add(new byte[0]);
            }, "link-" + port() + "-" + direction + "-read");
            Thread writer = new Thread(() -> {
                try {
                    while (true) {
                        long at = due.take();
                        byte[] bytes = queue.take();
                        if (at < 0) {
                            break;
                        }
                        long wait = at - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        out.write(bytes);
                        out.flush();
                    }
                } catch (IOException | InterruptedException ignored) {
                    // the other side is gone
                }
                close();
            }, "link-" + port() + "-" + direction + "-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        void close() {
            connections.remove(this);
            closeQuietly(from);
            if (to != null) {
                closeQuietly(to);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        connections.forEach(Connection::close);
    }
}
