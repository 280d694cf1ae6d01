package io.podctl.rollout.health;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The socket side against a one-connection server that behaves like ZooKeeper's 4lw handler. */
class FourLetterWordClientTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final FourLetterWordClient client =
            new FourLetterWordClient(Duration.ofSeconds(1), Duration.ofMillis(300));
    private ServerSocket server;

    @AfterEach
    void closeServer() throws IOException {
        executor.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    /** Accepts one connection, records the 4 bytes received, answers, closes if asked to. */
    private Endpoint serveOnce(String reply, boolean close, AtomicReference<String> received) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        executor.submit(() -> {
            Socket socket = server.accept();
            InputStream in = socket.getInputStream();
            received.set(new String(in.readNBytes(4), StandardCharsets.US_ASCII));
            socket.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (close) {
                socket.close();
            }
            return null;
        });
        return Endpoint.loopback(server.getLocalPort());
    }

    @Test
    void sendsTheWordAndReadsUntilTheServerCloses() throws IOException {
        AtomicReference<String> received = new AtomicReference<>();
        Endpoint zk = serveOnce("Zookeeper version: 3.9.5\nMode: leader\n", true, received);

        String reply = client.send(zk, "srvr");

        assertThat(received.get()).isEqualTo("srvr");
        assertThat(reply).isEqualTo("Zookeeper version: 3.9.5\nMode: leader\n");
    }

    @Test
    void wordMissingFromWhitelistIsRefused() throws IOException {
        Endpoint zk = serveOnce("mntr is not executed because it is not in the whitelist.\n", true,
                new AtomicReference<>());

        assertThatThrownBy(() -> client.send(zk, "mntr"))
                .isInstanceOf(FourLetterWordRefusedException.class).hasMessageContaining("mntr");
    }

    @Test
    void serverThatNeverClosesTimesOut() throws IOException {
        Endpoint zk = serveOnce("partial", false, new AtomicReference<>());

        assertThatThrownBy(() -> client.send(zk, "srvr")).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void closedPortFailsToConnect() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThatThrownBy(() -> client.send(Endpoint.loopback(port), "srvr")).isInstanceOf(IOException.class);
    }
}
