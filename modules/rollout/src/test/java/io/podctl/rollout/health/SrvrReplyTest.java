package io.podctl.rollout.health;

import io.podctl.rollout.fakes.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrvrReplyTest {

    /** The istio capture: a host name line, then one srvr reply, blocks separated by blank lines. */
    private static List<String> threeNodeReplies() {
        return Arrays.stream(Fixtures.read("zookeeper/srvr.3node.3.7.0.txt").split("\\R\\R"))
                .map(block -> block.strip().split("\\R", 2)[1])
                .toList();
    }

    @Test
    void threeNodeCaptureHasTwoFollowersAndOneLeader() {
        List<SrvrReply> replies = threeNodeReplies().stream().map(SrvrReply::parse).toList();

        assertThat(replies).extracting(SrvrReply::mode)
                .containsExactly(ZooKeeperMode.FOLLOWER, ZooKeeperMode.FOLLOWER, ZooKeeperMode.LEADER);
        assertThat(replies).extracting(SrvrReply::version).containsOnly("3.7.0");
        assertThat(replies).extracting(SrvrReply::zxid).containsOnly(0x200000002L);
    }

    @Test
    void statReplySkipsClientsBlock() {
        SrvrReply reply = SrvrReply.parse(Fixtures.read("zookeeper/stat.follower.3.3.0.txt"));

        assertThat(reply).isEqualTo(new SrvrReply(ZooKeeperMode.FOLLOWER, "3.3.0", 0x700000003L));
    }

    @Test
    void notServingReplyMeansOutsideQuorum() {
        SrvrReply reply = SrvrReply.parse("This ZooKeeper instance is not currently serving requests\n");

        assertThat(reply.mode()).isEqualTo(ZooKeeperMode.NOT_SERVING);
        assertThat(reply.mode().inQuorum()).isFalse();
        assertThat(reply.version()).isEmpty();
    }

    @Test
    void imokIsNotASrvrReply() {
        assertThatThrownBy(() -> SrvrReply.parse("imok"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imok");
    }

    @Test
    void unknownModeIsRejected() {
        String reply = "Zookeeper version: 3.9.5-abc, built on 2024\nMode: wizard\n";

        assertThatThrownBy(() -> SrvrReply.parse(reply)).hasMessageContaining("wizard");
    }
}
