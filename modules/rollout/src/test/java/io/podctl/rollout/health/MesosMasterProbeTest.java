package io.podctl.rollout.health;

import io.podctl.rollout.fakes.FakeMesosMasters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MesosMasterProbeTest {

    private final FakeMesosMasters masters = FakeMesosMasters.start(3);
    private final MesosMasterProbe probe =
            new MesosMasterProbe(masters.endpoints(), new ProbeHttpClient(Duration.ofSeconds(1), Duration.ofSeconds(2)));

    @AfterEach
    void stopMasters() {
        masters.close();
    }

    @Test
    void electedMasterIsTheLeaderAndAllLogsRecovered() {
        masters.elect(1);

        Health health = probe.mastersHealth();

        assertThat(health.healthy()).as(health.toString()).isTrue();
        assertThat(health.fact("leader")).isEqualTo(masters.endpoints().get(1).toString());
        assertThat(probe.leader()).contains(masters.endpoints().get(1));
    }

    @Test
    void snapshotIsReadFromTheFixtureMetrics() {
        masters.elect(0);

        MesosMasterStatus status = probe.status(masters.endpoints().get(0));

        // master/uptime_secs comes from the GET_METRICS sample, converted to the flat form.
        assertThat(status.uptimeSecs()).isEqualTo(0.038900992);
        assertThat(status.elected()).isTrue();
        assertThat(status.logRecovered()).isTrue();
    }

    @Test
    void anAuthenticatingMasterTellsItsVersionOnlyToTheOperator() {
        masters.elect(0);
        Endpoint master = masters.endpoints().get(0);
        masters.master(0).requireCredentials("podctl-operator:op-secret");
        MesosMasterProbe operator = new MesosMasterProbe(masters.endpoints(),
                ProbeHttpClient.withCredentials(HttpCredentials.parse("podctl-operator:op-secret")));

        Health anonymous = probe.versionHealth(master, "1.11.0");
        Health authenticated = operator.versionHealth(master, "1.11.0");

        assertThat(anonymous.healthy()).isFalse();
        assertThat(anonymous.refused()).isTrue();
        assertThat(anonymous.reason()).isEqualTo(master + ": GET_VERSION answered 401 Unauthorized; secret mesosOperatorCredential "
                + "must name a principal:secret that the masters' mesosCredentials list");
        assertThat(authenticated.healthy()).as(authenticated.toString()).isTrue();
        // /metrics/snapshot is not a read-write endpoint: the anonymous probe still sees the election
        assertThat(probe.mastersHealth().healthy()).isTrue();
    }

    @Test
    void redirectPointsAtTheLeader() throws IOException {
        masters.elect(2);

        assertThat(probe.redirectTarget(masters.endpoints().get(0))).contains(masters.endpoints().get(2));
    }

    @Test
    void noElectedMasterMeansNoLeaderAndRedirectAnswers503() throws IOException {
        masters.noLeader();

        assertThat(probe.leader()).isEmpty();
        assertThat(probe.redirectTarget(masters.endpoints().get(0))).isEmpty();
        assertThat(probe.mastersHealth().reason()).isEqualTo("0 elected masters among 3");
    }

    @Test
    void masterWhoseLogHasNotRecoveredHoldsTheRoll() {
        masters.elect(0);
        masters.master(2).logRecovered(false);

        Health cluster = probe.mastersHealth();
        Health restarted = probe.masterRecovered(masters.endpoints().get(2));

        assertThat(cluster.healthy()).isFalse();
        assertThat(cluster.reason()).contains("not recovered").contains(masters.endpoints().get(2).toString());
        assertThat(restarted.healthy()).isFalse();
        assertThat(probe.masterRecovered(masters.endpoints().get(1)).healthy()).isTrue();
    }

    @Test
    void startingMasterWithoutSnapshotIsNotAnswering() {
        masters.elect(0);
        masters.master(1).snapshotFails(true);

        Health health = probe.mastersHealth();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).startsWith("masters not answering");
        assertThat(health.fact("leader")).isEqualTo(masters.endpoints().get(0).toString());
    }

    @Test
    void stoppedMasterIsUnreachable() {
        masters.elect(0);
        masters.master(2).close();

        MesosMasterStatus status = probe.status(masters.endpoints().get(2));

        assertThat(status.reachable()).isFalse();
        assertThat(probe.mastersHealth().healthy()).isFalse();
    }

    @Test
    void protocolRelativeLocationIsParsed() {
        assertThat(MesosMasterProbe.hostPort("//10.0.1.5:5050")).isEqualTo(new Endpoint("10.0.1.5", 5050));
        assertThat(MesosMasterProbe.hostPort("http://master-2:5050/master/redirect"))
                .isEqualTo(new Endpoint("master-2", 5050));
    }
}
