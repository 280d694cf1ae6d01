package io.podctl.rollout.health;

import io.podctl.rollout.fakes.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MntrReplyTest {

    @Test
    void leader35CountsLearnersFromZkFollowers() {
        MntrReply mntr = MntrReply.parse(Fixtures.read("zookeeper/mntr.leader.3.5.3.txt"));

        assertThat(mntr.serverState()).isEqualTo("leader");
        assertThat(mntr.version()).isEqualTo("3.5.3-beta");
        assertThat(mntr.syncedFollowers()).hasValue(1);
        assertThat(mntr.pendingSyncs()).hasValue(0);
        assertThat(mntr.value("zk_learners")).isEmpty();
        assertThat(mntr.learners()).hasValue(1);
    }

    @Test
    void leader37CountsLearnersFromZkLearners() {
        MntrReply mntr = MntrReply.parse(Fixtures.read("zookeeper/mntr.leader.3.7.0.trimmed.txt"));

        assertThat(mntr.serverState()).isEqualTo("leader");
        assertThat(mntr.version()).isEqualTo("3.7.0");
        assertThat(mntr.value("zk_followers")).isEmpty();
        assertThat(mntr.learners()).hasValue(1);
        assertThat(mntr.syncedFollowers()).hasValue(1);
        assertThat(mntr.value("zk_quorum_size")).hasValue("2");
    }

    @Test
    void followerReportsNoSyncedFollowers() {
        MntrReply mntr = MntrReply.parse(Fixtures.read("zookeeper/mntr.follower.3.7.0.trimmed.txt"));

        assertThat(mntr.serverState()).isEqualTo("follower");
        assertThat(mntr.syncedFollowers()).isEmpty();
        assertThat(mntr.learners()).isEmpty();
    }

    @Test
    void oldFollowerVersionDropsBuildSuffix() {
        MntrReply mntr = MntrReply.parse(Fixtures.read("zookeeper/mntr.follower.3.4.0.txt"));

        assertThat(mntr.version()).isEqualTo("3.4.0");
        assertThat(mntr.serverState()).isEqualTo("follower");
        assertThat(mntr.value("zk_avg_latency")).hasValue("1");
    }

    @Test
    void spaceAlignedDocCopyIsRejected() {
        String annotated = Fixtures.read("zookeeper/mntr.leader.zk-docs.annotated.txt");

        assertThatThrownBy(() -> MntrReply.parse(annotated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key<TAB>value");
    }
}
