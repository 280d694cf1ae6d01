package io.podctl.rollout.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A parsed {@code mntr} reply: one {@code key<TAB>value} per line. */
public record MntrReply(Map<String, String> values) {

    public MntrReply {
        values = Map.copyOf(values);
    }

    /** Rejects lines without a tab, such as the space-aligned copy in the ZooKeeper admin guide. */
    public static MntrReply parse(String reply) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = reply.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("mntr line " + (i + 1) + " is not key<TAB>value: " + line.strip());
            }
            values.put(line.substring(0, tab), line.substring(tab + 1).trim());
        }
        if (!values.containsKey("zk_server_state")) {
            throw new IllegalArgumentException("not a mntr reply: no zk_server_state");
        }
        return new MntrReply(values);
    }

    /** leader, follower, observer, standalone or read-only. */
    public String serverState() {
        return values.get("zk_server_state");
    }

    /** The release, e.g. "3.9.5". */
    public String version() {
        return ZooKeeperVersion.release(values.get("zk_version"));
    }

    /** Leader only. */
    public OptionalInt syncedFollowers() {
        return integer("zk_synced_followers");
    }

    /** Leader only: pending syncs from followers. */
    public OptionalInt pendingSyncs() {
        return integer("zk_pending_syncs");
    }

    /** Leader only: connected learners; the key is zk_followers up to 3.5 and zk_learners from 3.6. */
    public OptionalInt learners() {
        OptionalInt learners = integer("zk_learners");
        return learners.isPresent() ? learners : integer("zk_followers");
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    private OptionalInt integer(String key) {
        String value = values.get(key);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }
}
