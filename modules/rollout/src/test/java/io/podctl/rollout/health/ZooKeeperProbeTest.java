package io.podctl.rollout.health;

import io.podctl.rollout.fakes.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ensemble verdicts over scripted replies taken from the fixtures. */
class ZooKeeperProbeTest {

    private static final Endpoint ZK1 = new Endpoint("zk-0", 2181);
    private static final Endpoint ZK2 = new Endpoint("zk-1", 2181);
    private static final Endpoint ZK3 = new Endpoint("zk-2", 2181);

    private final Map<String, String> replies = new HashMap<>();

    /** Replies per "host word"; no reply means the port is closed. */
    private final FourLetterWords words = (server, word) -> {
        String reply = replies.get(server.host() + " " + word);
        if (reply == null) {
            throw new ConnectException("Connection refused");
        }
        if (reply.equals("REFUSED")) {
            throw new FourLetterWordRefusedException(server, word);
        }
        return reply;
    };

    private final ZooKeeperProbe probe = new ZooKeeperProbe(List.of(ZK1, ZK2, ZK3), words);

    /** zk-0 and zk-1 follow, zk-2 leads, as in the istio capture; the leader's mntr is the 3.7.0 one. */
    private void capturedEnsemble() {
        List<String> srvr = Arrays.stream(Fixtures.read("zookeeper/srvr.3node.3.7.0.txt").split("\\R\\R"))
                .map(block -> block.strip().split("\\R", 2)[1]).toList();
        replies.put("zk-0 srvr", srvr.get(0));
        replies.put("zk-1 srvr", srvr.get(1));
        replies.put("zk-2 srvr", srvr.get(2));
        replies.put("zk-2 mntr", Fixtures.read("zookeeper/mntr.leader.3.7.0.trimmed.txt"));
    }

    @Test
    void leaderIsTheServerWhoseSrvrSaysLeader() {
        capturedEnsemble();

        assertThat(probe.leader()).contains(ZK3);
    }

    @Test
    void ensembleIsUnhealthyWhenLeaderSyncsFewerFollowersThanMembers() {
        capturedEnsemble(); // that leader's mntr says zk_synced_followers 1

        Health health = probe.ensembleHealth();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).contains("1 synced followers").contains("need 2");
        assertThat(health.fact("leader")).isEqualTo("zk-2:2181");
    }

    @Test
    void quorumHoldsWithOneSyncedFollowerOfThree() {
        capturedEnsemble();

        Health health = probe.quorumHealth();

        assertThat(health.healthy()).as(health.toString()).isTrue();
        assertThat(health.fact("synced_followers")).isEqualTo("1");
    }

    @Test
    void memberReportsItsVersion() {
        capturedEnsemble();

        assertThat(probe.memberHealth(ZK1, "3.7.0").healthy()).isTrue();
        Health wrongVersion = probe.memberHealth(ZK1, "3.9.5");
        assertThat(wrongVersion.healthy()).isFalse();
        assertThat(wrongVersion.reason()).contains("runs 3.7.0, expected 3.9.5");
    }

    @Test
    void imokDoesNotMakeANotServingServerAMember() {
        capturedEnsemble();
        replies.put("zk-0 ruok", "imok");
        replies.put("zk-0 srvr", "This ZooKeeper instance is not currently serving requests\n");

        Health health = probe.memberHealth(ZK1, "");

        assertThat(health.healthy()).isFalse();
        assertThat(health.fact("mode")).isEqualTo("not_serving");
    }

    @Test
    void downServerIsUnreachableAndBreaksTheEnsembleButNotTheQuorum() {
        capturedEnsemble();
        replies.remove("zk-0 srvr");

        assertThat(probe.status(ZK1).mode()).isEqualTo(ZooKeeperMode.UNREACHABLE);
        assertThat(probe.ensembleHealth().healthy()).isFalse();
        assertThat(probe.quorumHealth().healthy()).isTrue();
    }

    @Test
    void noLeaderWhenAllServersAreOutsideTheQuorum() {
        String notServing = "This ZooKeeper instance is not currently serving requests\n";
        replies.put("zk-0 srvr", notServing);
        replies.put("zk-1 srvr", notServing);
        replies.put("zk-2 srvr", notServing);

        assertThat(probe.leader()).isEmpty();
        assertThat(probe.quorumHealth().reason()).isEqualTo("0 leaders among 3 servers");
    }

    @Test
    void twoLeadersAreUnhealthy() {
        capturedEnsemble();
        replies.put("zk-0 srvr", replies.get("zk-2 srvr"));
        replies.put("zk-0 mntr", replies.get("zk-2 mntr"));

        assertThat(probe.leader()).isEmpty();
        assertThat(probe.ensembleHealth().reason()).startsWith("2 leaders");
    }

    @Test
    void leaderRefusingMntrIsUnhealthyAndSaysWhy() throws IOException {
        capturedEnsemble();
        replies.put("zk-2 mntr", "REFUSED");

        Health health = probe.quorumHealth();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).contains("4lw.commands.whitelist");
    }
}
