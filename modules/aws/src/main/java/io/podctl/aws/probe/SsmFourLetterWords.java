package io.podctl.aws.probe;

import io.podctl.aws.command.RemoteCommand;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.FourLetterWordRefusedException;
import io.podctl.rollout.health.FourLetterWords;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Four-letter words sent from the ZooKeeper host itself, to 127.0.0.1 on the endpoint's port.
 * A {@code srvr} also fetches {@code mntr} in the same command and keeps it for a few seconds:
 * the probe asks a leader for {@code mntr} right after its {@code srvr}, and one Run Command per
 * member per check is what keeps a gate check to seconds.
 */
public final class SsmFourLetterWords implements FourLetterWords {

    private static final String NOT_WHITELISTED = "is not executed because it is not in the whitelist";
    private static final long KEEP_NANOS = Duration.ofSeconds(5).toNanos();

    private record Kept(String reply, long at) {
    }

    private final HostRun run;
    private final Map<Endpoint, Kept> mntr = new ConcurrentHashMap<>();

    /** @param deadline how long one Run Command may take, delivery included */
    public SsmFourLetterWords(RemoteCommand remote, HostInstances instances, Duration deadline) {
        this.run = new HostRun(remote, instances, deadline);
    }

    @Override
    public String send(Endpoint server, String word) throws IOException {
        if (word.equals("mntr")) {
            Kept kept = mntr.remove(server);
            if (kept != null && System.nanoTime() - kept.at() < KEEP_NANOS) {
                return checked(server, word, kept.reply());
            }
        }
        List<String> words = word.equals("srvr") ? List.of("srvr", "mntr") : List.of(word);
        String command = HostCommands.fourLetterWords(server.port(), words);
        String reply = null;
        for (String line : run.run(server.host(), command, word)) {
            String[] parts = line.split(" ", 3);
            if (parts.length < 2 || !words.contains(parts[0])) {
                continue;
            }
            if (!parts[1].equals("ok")) {
                if (parts[0].equals(word)) {
                    throw new IOException("connection refused on 127.0.0.1:" + server.port() + " of " + server.host());
                }
                continue;
            }
            String text = Gzip.text(parts.length == 3 ? parts[2] : "");
            if (parts[0].equals(word)) {
                reply = text;
            } else if (parts[0].equals("mntr")) {
                mntr.put(server, new Kept(text, System.nanoTime()));
            }
        }
        if (reply == null) {
            throw new IOException(server.host() + ": no " + word + " reply in the command output");
        }
        return checked(server, word, reply);
    }

    private static String checked(Endpoint server, String word, String reply) throws IOException {
        if (reply.contains(NOT_WHITELISTED)) {
            throw new FourLetterWordRefusedException(server, word);
        }
        return reply;
    }
}
