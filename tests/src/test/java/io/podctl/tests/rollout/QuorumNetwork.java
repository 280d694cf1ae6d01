package io.podctl.tests.rollout;

import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.local.NodePorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network between the servers of a local ensemble, made of {@link FaultyLink}s so a test
 * can partition or slow one server's real traffic. Server {@code i}'s zoo.cfg keeps its own
 * {@code server.i} line (where it binds) and names every other server {@code j} by the link
 * {@code i->j}: a relay for j's quorum port (the leader's, that followers sync over) and one
 * for j's election port. Clients still reach each server directly, as in a pod where a
 * partition between hosts leaves the client's own path up.
 *
 * <p>ZooKeeper's election handshake carries the connecting server's own election address, and
 * a server that wins the handshake calls back on that address (QuorumCnxManager, 3.5+). The
 * election relay {@code i->j} therefore rewrites that address to the relay {@code j->i}, so
 * the call-back crosses the same faulty network instead of going around it.
 *
 * <p>Why relays, not {@code ip netns} and {@code tc netem}: the CI machine is not known to run
 * as root, and this one has no kernel modules, so netem is missing. The relays are plain Java,
 * need no privileges, and act on the servers' real sockets.
 */
final class QuorumNetwork implements AutoCloseable {

    private record Pair(int from, int to) {
    }

    private record Link(FaultyLink quorum, FaultyLink election) {
    }

    private final Map<Pair, Link> links = new LinkedHashMap<>();

    private QuorumNetwork() {
    }

    /** Relays every server pair of {@code ensemble} (prepared, not started) and rewrites its zoo.cfg files to use them. */
    static QuorumNetwork wire(LocalEnsemble ensemble) {
        QuorumNetwork network = new QuorumNetwork();
        List<Integer> ids = ensemble.ids();
        for (int from : ids) {
            for (int to : ids) {
                if (from != to) {
                    NodePorts target = ensemble.node(to).ports();
                    Pair back = new Pair(to, from);
                    network.links.put(new Pair(from, to), new Link(new FaultyLink(target.quorum(), in -> in),
                            new FaultyLink(target.election(), in -> network.advertiseBackLink(in, back))));
                }
            }
        }
        try {
            for (int from : ids) {
                Path config = ensemble.node(from).configFile();
                String text = Files.readString(config);
                for (int to : ids) {
                    if (from != to) {
                        NodePorts direct = ensemble.node(to).ports();
                        Link link = network.links.get(new Pair(from, to));
                        String line = "server." + to + "=127.0.0.1:" + direct.quorum() + ":" + direct.election();
                        if (!text.contains(line)) {
                            throw new IllegalStateException(config + " has no line " + line);
                        }
                        text = text.replace(line, "server." + to + "=127.0.0.1:" + link.quorum().port() + ":" + link.election().port());
                    }
                }
                Files.writeString(config, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return network;
    }

    /** Every link to and from {@code id}: a partition of that server from the rest of its ensemble. */
    void partition(int id) {
        touching(id).forEach(link -> {
            link.quorum().blackhole();
            link.election().blackhole();
        });
    }

    /** Every byte between {@code id} and the others' quorum ports (where followers sync with the leader), {@code d} late each way. */
    void delaySync(int id, Duration d) {
        touching(id).forEach(link -> link.quorum().delay(d));
    }

    void heal() {
        links.values().forEach(link -> {
            link.quorum().heal();
            link.election().heal();
        });
    }

    private List<Link> touching(int id) {
        List<Link> touching = new ArrayList<>();
        links.forEach((pair, link) -> {
            if (pair.from() == id || pair.to() == id) {
                touching.add(link);
            }
        });
        return touching;
    }

    /**
     * Reads the election handshake (protocol version, server id, address length, address) and
     * replaces the address with the relay back to the sender; an old-style handshake (the id
     * alone) passes unchanged.
     */
    private InputStream advertiseBackLink(InputStream in, Pair back) {
        try {
            DataInputStream data = new DataInputStream(in);
            long version = data.readLong();
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(header);
            out.writeLong(version);
            if (version < 0) {
                out.writeLong(data.readLong()); // sid
                byte[] address = new byte[data.readInt()];
                data.readFully(address);
                byte[] relay = ("127.0.0.1:" + links.get(back).election().port()).getBytes(StandardCharsets.UTF_8);
                out.writeInt(relay.length);
                out.write(relay);
            }
            return new SequenceInputStream(new ByteArrayInputStream(header.toByteArray()), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        links.values().forEach(link -> {
            link.quorum().close();
            link.election().close();
        });
    }
}
