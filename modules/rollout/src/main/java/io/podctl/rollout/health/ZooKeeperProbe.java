package io.podctl.rollout.health;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Health of a ZooKeeper ensemble from {@code srvr} on every member and {@code mntr} on the leader.
 * {@code ruok} is deliberately never used: "imok" only means the process answers, not that it
 * is in the quorum.
 */
public final class ZooKeeperProbe {

    private final List<Endpoint> ensemble;
    private final FourLetterWords words;

    public ZooKeeperProbe(List<Endpoint> ensemble, FourLetterWords words) {
        if (ensemble.isEmpty()) {
            throw new IllegalArgumentException("empty ensemble");
        }
        this.ensemble = List.copyOf(ensemble);
        this.words = words;
    }

    public ZooKeeperProbe(List<Endpoint> ensemble) {
        this(ensemble, new FourLetterWordClient());
    }

    public List<Endpoint> ensemble() {
        return ensemble;
    }

    /** What one server says about itself; never throws. */
    public ZooKeeperNodeStatus status(Endpoint server) {
        SrvrReply srvr;
        try {
            srvr = SrvrReply.parse(words.send(server, "srvr"));
        } catch (IOException | RuntimeException e) {
            return ZooKeeperNodeStatus.unreachable(server, "srvr: " + e.getMessage());
        }
        OptionalInt synced = OptionalInt.empty();
        String problem = "";
        if (srvr.mode() == ZooKeeperMode.LEADER) {
            try {
                synced = MntrReply.parse(words.send(server, "mntr")).syncedFollowers();
            } catch (IOException | RuntimeException e) {
                problem = "mntr: " + e.getMessage();
            }
        }
        return new ZooKeeperNodeStatus(server, srvr.mode(), srvr.version(), srvr.zxid(), synced, problem);
    }

    public List<ZooKeeperNodeStatus> statuses() {
        return ensemble.stream().map(this::status).toList();
    }

    /** The one server that says it leads, if exactly one does. */
    public Optional<Endpoint> leader() {
        List<ZooKeeperNodeStatus> leaders = statuses().stream()
                .filter(s -> s.mode() == ZooKeeperMode.LEADER).toList();
        return leaders.size() == 1 ? Optional.of(leaders.get(0).endpoint()) : Optional.empty();
    }

    /**
     * Every member serving: exactly one leader, all others followers, and the leader reports all
     * of them as synced. This is the gate before and after each ZooKeeper step.
     */
    public Health ensembleHealth() {
        return judge(statuses(), ensemble.size() - 1);
    }

    /**
     * A serving majority: one leader that reports enough synced followers for a quorum. This is
     * what must hold while one member is down for its upgrade.
     */
    public Health quorumHealth() {
        int majority = ensemble.size() / 2 + 1;
        return judge(statuses(), majority - 1);
    }

    /** One member is in the quorum (leader, follower, observer) and runs {@code expectedVersion} (null or blank: any). */
    public Health memberHealth(Endpoint server, String expectedVersion) {
        ZooKeeperNodeStatus status = status(server);
        Map<String, String> facts = Health.newFacts();
        facts.put("node", server.toString());
        facts.put("mode", status.mode().name().toLowerCase());
        facts.put("version", status.version());
        if (!status.inQuorum()) {
            return Health.unhealthy(server + " is not in the quorum: " + status.describe(), facts);
        }
        if (expectedVersion != null && !expectedVersion.isBlank() && !expectedVersion.equals(status.version())) {
            return Health.unhealthy(server + " runs " + status.version() + ", expected " + expectedVersion, facts);
        }
        return Health.healthy(server + " is " + status.describe(), facts);
    }

    public HealthProbe ensembleProbe() {
        return this::ensembleHealth;
    }

    public HealthProbe quorumProbe() {
        return this::quorumHealth;
    }

    public HealthProbe memberProbe(Endpoint server, String expectedVersion) {
        return () -> memberHealth(server, expectedVersion);
    }

    private Health judge(List<ZooKeeperNodeStatus> statuses, int requiredSyncedFollowers) {
        Map<String, String> facts = Health.newFacts();
        statuses.forEach(s -> facts.put(s.endpoint().toString(), s.describe()));
        List<ZooKeeperNodeStatus> leaders = statuses.stream().filter(s -> s.mode() == ZooKeeperMode.LEADER).toList();
        if (leaders.size() != 1) {
            return Health.unhealthy(leaders.size() + " leaders among " + statuses.size() + " servers", facts);
        }
        ZooKeeperNodeStatus leader = leaders.get(0);
        facts.put("leader", leader.endpoint().toString());
        long followers = statuses.stream().filter(s -> s.mode() == ZooKeeperMode.FOLLOWER).count();
        facts.put("followers", Long.toString(followers));
        if (leader.syncedFollowers().isEmpty()) {
            return Health.unhealthy("leader " + leader.endpoint() + " gave no synced follower count: " + leader.problem(), facts);
        }
        int synced = leader.syncedFollowers().getAsInt();
        facts.put("synced_followers", Integer.toString(synced));
        if (followers < requiredSyncedFollowers || synced < requiredSyncedFollowers) {
            return Health.unhealthy("leader " + leader.endpoint() + " has " + synced + " synced followers, "
                    + followers + " servers follow; need " + requiredSyncedFollowers, facts);
        }
        return Health.healthy("leader " + leader.endpoint() + " with " + synced + " synced followers", facts);
    }
}
