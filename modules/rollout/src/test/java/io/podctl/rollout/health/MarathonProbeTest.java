package io.podctl.rollout.health;

import io.podctl.rollout.fakes.FakeMarathons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MarathonProbeTest {

    private final FakeMarathons marathons = FakeMarathons.start(3);
    private final MarathonProbe probe =
            new MarathonProbe(marathons.endpoints(), new ProbeHttpClient(Duration.ofSeconds(1), Duration.ofSeconds(4)));

    @AfterEach
    void stopMarathons() {
        marathons.close();
    }

    @Test
    void idleClusterWithOneLeaderIsHealthy() {
        marathons.elect(2);

        Health health = probe.clusterHealth();

        assertThat(health.healthy()).as(health.toString()).isTrue();
        assertThat(health.fact("leader")).isEqualTo(marathons.endpoints().get(2).toString());
        assertThat(health.fact("deployments")).isEqualTo("0");
    }

    @Test
    void standbyAnswerIsProxiedAndNamesTheLeader() {
        marathons.elect(0);

        MarathonLeaderAnswer fromStandby = probe.leaderAnswer(marathons.endpoints().get(1));
        MarathonLeaderAnswer fromLeader = probe.leaderAnswer(marathons.endpoints().get(0));

        assertThat(fromStandby).isInstanceOf(MarathonLeaderAnswer.Led.class);
        MarathonLeaderAnswer.Led standby = (MarathonLeaderAnswer.Led) fromStandby;
        assertThat(standby.leader()).isEqualTo(marathons.endpoints().get(0));
        assertThat(standby.proxied()).isTrue();
        assertThat(standby.leaderHeader()).isEqualTo("http://" + marathons.endpoints().get(0));
        assertThat(((MarathonLeaderAnswer.Led) fromLeader).proxied()).isFalse();
    }

    @Test
    void marathonBehindCredentialsIsAskedWithThePodsCredentialsAndNeverShowsThem() {
        marathons.elect(1);
        for (int i = 0; i < 3; i++) {
            marathons.instance(i).requireCredentials("podctl:s3cr3t-value");
        }
        HttpCredentials credentials = HttpCredentials.parse("podctl:s3cr3t-value");

        Health without = probe.clusterHealth();
        Health with = new MarathonProbe(marathons.endpoints(), ProbeHttpClient.withCredentials(credentials)).clusterHealth();

        assertThat(without.healthy()).isFalse();
        // waiting cannot fix a refused credential: a gate stops at this answer
        assertThat(without.refused()).isTrue();
        assertThat(without.reason()).isEqualTo("every Marathon instance answered 401 Unauthorized to /v2/leader; secret"
                + " marathonHttpCredentials must hold a user:password that Marathon's --http_credentials lists");
        assertThat(with.healthy()).as(with.toString()).isTrue();
        assertThat(with.toString() + without + credentials).doesNotContain("s3cr3t");
    }

    @Test
    void malformedCredentialsAreRefusedWithoutQuotingThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpCredentials.parse("no-colon-s3cr3t"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3cr3t");
    }

    @Test
    void noLeaderAnswers404() {
        marathons.noLeader();

        assertThat(probe.leaderAnswer(marathons.endpoints().get(0))).isInstanceOf(MarathonLeaderAnswer.NoLeader.class);
        assertThat(probe.leader()).isEmpty();
        assertThat(probe.clusterHealth().reason()).isEqualTo("no agreed Marathon leader");
    }

    @Test
    void electionInProgressAnswers502() {
        marathons.electing();

        assertThat(probe.leaderAnswer(marathons.endpoints().get(1))).isInstanceOf(MarathonLeaderAnswer.Electing.class);
        assertThat(probe.clusterHealth().healthy()).isFalse();
    }

    @Test
    void leaderIsFoundWhileOneStandbyIsStillElecting() {
        marathons.elect(0);
        marathons.instance(2).electing();

        assertThat(probe.leader()).contains(marathons.endpoints().get(0));
    }

    @Test
    void runningDeploymentMakesTheClusterBusy() throws IOException {
        marathons.elect(1).deploymentsRunning(true);

        Health health = probe.clusterHealth();

        assertThat(probe.deployments(marathons.endpoints().get(0))).isEqualTo(1);
        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).isEqualTo("1 deployments running");
    }

    @Test
    void instancesNamingDifferentLeadersAreUnhealthy() {
        marathons.elect(0);
        marathons.instance(2).leads();

        assertThat(probe.leader()).isEmpty();
        assertThat(probe.clusterHealth().healthy()).isFalse();
    }

    @Test
    void stoppedInstanceIsUnreachableButTheOthersStillAgree() {
        marathons.elect(0);
        marathons.instance(1).close();

        assertThat(probe.leaderAnswer(marathons.endpoints().get(1))).isInstanceOf(MarathonLeaderAnswer.Unreachable.class);
        assertThat(probe.clusterHealth().healthy()).isTrue();
    }
}
