package io.podctl.aws.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import io.podctl.aws.command.RemoteCommand;
import io.podctl.aws.command.SsmRunCommand;
import io.podctl.plan.Role;
import io.podctl.rollout.fakes.FakeMarathons;
import io.podctl.rollout.fakes.FakeMesosCluster;
import io.podctl.rollout.fakes.FakeMesosMasters;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ProbeTransport;
import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.MesosMaintenance;
import io.podctl.rollout.run.MesosOperatorRefused;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.ProbedPodHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The probes' real command text, run in bash on this machine by {@link ExecutingSsm} through the
 * SDK's Run Command calls: against real ZooKeeper servers and the Mesos and Marathon fakes on
 * loopback, the operator credential read with the AWS CLI from moto's parameter store.
 */
@ExtendWith(MotoServer.class)
class SsmProbesTest {

    private static final String ZK = System.getProperty("podctl.zookeeper.old.version", "3.8.4");
    private static final String POD = "pod-s";

    private final MotoEndpoint moto;
    private ExecutingSsm ssm;
    private RemoteCommand remote;

    @TempDir
    Path dir;

    SsmProbesTest(MotoEndpoint moto) {
        this.moto = moto;
    }

    @BeforeEach
    void start() throws Exception {
        ssm = new ExecutingSsm(Map.of(AwsContext.ENDPOINT_ENV, moto.uri().toString(),
                "AWS_ACCESS_KEY_ID", MotoEndpoint.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoEndpoint.SECRET_KEY));
        remote = new SsmRunCommand(AwsContext.of(MotoEndpoint.REGION, moto.credentials(), ssm.endpoint()), Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        remote.close();
        ssm.close();
    }

    /** Pod DNS names, as the pod's endpoints carry them, each served by its own instance; ports are the local servers'. */
    private static Map<String, Endpoint> named(String prefix, List<Endpoint> local) {
        Map<String, Endpoint> byNode = new LinkedHashMap<>();
        for (int i = 0; i < local.size(); i++) {
            byNode.put(prefix + "-" + (i + 1), new Endpoint(prefix + "-" + (i + 1) + "." + POD + ".pod.internal", local.get(i).port()));
        }
        return byNode;
    }

    private static final HostInstances INSTANCES = host -> "i-" + host.substring(0, host.indexOf('.'));

    private ProbeTransport transport(Optional<HostSecret> marathon, Optional<HostSecret> operator) {
        return SsmProbes.transport(remote, INSTANCES, Duration.ofSeconds(30), marathon, operator);
    }

    @Test
    void zooKeeperEnsembleIsJudgedOnEachHostWithOneCommandPerMember() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.prepare(dir.resolve("zk"), 3)) {
            ensemble.startAll(ZooKeeperInstall.of(ZK));
            assertThat(HealthWait.until(ensemble.probe().ensembleProbe(), Duration.ofSeconds(60)).healthy()).isTrue();
            Map<String, Endpoint> zk = named("zk", ensemble.clientEndpoints());
            PodHealth health = new ProbedPodHealth(Map.of(Role.ZOOKEEPER, zk), transport(Optional.empty(), Optional.empty()));

            Health healthy = health.role(Role.ZOOKEEPER).orElseThrow().check();

            assertThat(healthy.healthy()).as(healthy.toString()).isTrue();
            assertThat(healthy.facts()).containsEntry("synced_followers", "2");
            // srvr and mntr in one command per member; each to its own host, against its loopback port
            assertThat(ssm.sent()).hasSize(3).extracting(ExecutingSsm.Sent::instanceId).containsExactly("i-zk-1", "i-zk-2", "i-zk-3");
            for (int i = 0; i < 3; i++) {
                assertThat(ssm.sent().get(i).command()).contains("/dev/tcp/127.0.0.1/" + ensemble.clientEndpoint(ensemble.ids().get(i)).port());
            }
            String leader = health.leader(Role.ZOOKEEPER).orElseThrow();
            assertThat(ensemble.probe().leader()).contains(ensemble.clientEndpoint(Integer.parseInt(leader.substring(3))));
            assertThat(health.node(leader, Role.ZOOKEEPER, ZK).check().healthy()).isTrue();
            assertThat(health.runningVersion("zk-2", Role.ZOOKEEPER)).contains(ZK);

            int follower = ensemble.ids().stream().filter(id -> !("zk-" + id).equals(leader)).findFirst().orElseThrow();
            ensemble.stop(follower);
            Health degraded = health.role(Role.ZOOKEEPER).orElseThrow().check();

            assertThat(degraded.healthy()).isFalse();
            assertThat(degraded.facts().get(zk.get("zk-" + follower).toString())).contains("unreachable", "connection refused");
            assertThat(health.node("zk-" + follower, Role.ZOOKEEPER, ZK).check().healthy()).isFalse();
        }
    }

    @Test
    void mastersAndMarathonAreAskedOnTheirHostsWithMarathonsCredentialsReadThere() throws Exception {
        String password = "pa\"ss\\wo'rd $(touch /tmp/podctl-never)";
        Path secret = dir.resolve("secrets/marathon/MARATHON_HTTP_CREDENTIALS");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "ops:" + password);
        try (FakeMesosMasters masters = FakeMesosMasters.start(3).elect(1);
             FakeMarathons marathons = FakeMarathons.start(3).elect(0)) {
            // enough apps that /v2/apps alone is over what SSM returns: the host compresses it
            FakeMesosCluster cluster = new FakeMesosCluster();
            cluster.register("default", "1.11.0");
            for (int app = 0; app < 400; app++) {
                cluster.app("/team-" + app + "/service-with-a-long-name", 1);
            }
            assertThat(cluster.v2Apps().length()).isGreaterThan(HostRun.SSM_STDOUT_LIMIT * 2);
            for (int i = 0; i < 3; i++) {
                marathons.instance(i).requireCredentials("ops:" + password).cluster(cluster);
            }
            Map<Role, Map<String, Endpoint>> endpoints = Map.of(Role.MESOS_MASTER, named("master", masters.endpoints()),
                    Role.MARATHON, named("marathon", marathons.endpoints()));
            PodHealth health = new ProbedPodHealth(endpoints, transport(Optional.of(new HostSecret.File(secret.toString())), Optional.empty()));

            Health mesos = health.role(Role.MESOS_MASTER).orElseThrow().check();
            Health marathon = health.role(Role.MARATHON).orElseThrow().check();

            assertThat(mesos.healthy()).as(mesos.toString()).isTrue();
            assertThat(health.leader(Role.MESOS_MASTER)).contains("master-2");
            assertThat(marathon.healthy()).as(marathon.toString()).isTrue();
            Health apps = health.workloads().orElseThrow().check();
            assertThat(apps.healthy()).as(apps.toString()).isTrue();
            assertThat(apps.reason()).contains("400 tasks");
            assertThat(ssm.sent()).isNotEmpty().allSatisfy(sent -> assertThat(sent.command()).doesNotContain("pa\"ss", "wo'rd", "podctl-never"));
            assertThat(ssm.outputs()).allSatisfy(output -> assertThat(output).doesNotContain("pa\"ss"));
            assertThat(Path.of("/tmp/podctl-never")).doesNotExist();

            // a host that cannot read the credential: Marathon answers 401 to nothing, the probe says why
            Files.delete(secret);
            Health unreadable = health.role(Role.MARATHON).orElseThrow().check();
            assertThat(unreadable.healthy()).isFalse();
            assertThat(unreadable.facts().toString()).contains("cannot read its credential");

            masters.master(2).snapshotFails(true);
            Health down = health.role(Role.MESOS_MASTER).orElseThrow().check();
            assertThat(down.healthy()).isFalse();
            assertThat(down.reason()).contains("master-3." + POD + ".pod.internal");
        }
    }

    @Test
    void maintenanceOnAnAuthenticatingMasterSendsTheOperatorCredentialReadOnTheHost() throws Exception {
        String credential = "podctl-operator:op-Secret-4711";
        String reference = "ssm:/pods/" + POD + "/mesos/operator-credential";
        putParameter(reference.substring(4), credential);
        FakeMesosCluster cluster = new FakeMesosCluster();
        cluster.register("default", "1.11.0");
        try (FakeMesosMasters masters = FakeMesosMasters.start(1).elect(0)) {
            masters.master(0).cluster(cluster).requireCredentials(credential);
            Endpoint leader = named("master", masters.endpoints()).get("master-1");
            HostSecret stored = new HostSecret.Stored(reference, MotoEndpoint.REGION);
            AgentMaintenance maintenance = new MesosMaintenance(leader, new SsmHttpTransport(remote, INSTANCES, Duration.ofSeconds(30),
                    Optional.of(stored)), POD);

            List<AgentMaintenance.Agent> agents = maintenance.agents();
            maintenance.schedule(List.of(agents.get(0).machine()), Instant.now(), Duration.ofHours(1));
            maintenance.clearSchedule();

            assertThat(agents).hasSize(1);
            assertThat(maintenance.masterVersion()).isEqualTo("1.11.0");
            assertThat(ssm.sent()).isNotEmpty().allSatisfy(sent -> assertThat(sent.command()).doesNotContain("op-Secret-4711")
                    .contains("aws ssm get-parameter"));
            assertThat(ssm.outputs()).allSatisfy(output -> assertThat(output).doesNotContain("op-Secret-4711"));

            // without it, or with one the masters do not list: one sentence naming the pod and the secret
            AgentMaintenance anonymous = new MesosMaintenance(leader, new SsmHttpTransport(remote, INSTANCES, Duration.ofSeconds(30),
                    Optional.empty()), POD);
            assertThatThrownBy(anonymous::agents).isInstanceOf(MesosOperatorRefused.class)
                    .hasMessage("pod pod-s: the Mesos master " + leader + " refused GET_AGENTS with 401 Unauthorized; secret "
                            + "mesosOperatorCredential must name a principal:secret that the masters' mesosCredentials list");
            putParameter(reference.substring(4), "podctl-operator:rotated-elsewhere");
            assertThatThrownBy(() -> maintenance.down(List.of(agents.get(0).machine()))).isInstanceOf(MesosOperatorRefused.class)
                    .hasMessageContaining("POST /master/machine/down").hasMessageNotContaining("rotated-elsewhere");
        }
    }

    private void putParameter(String name, String value) {
        try (SsmClient client = moto.context().ssm()) {
            client.putParameter(r -> r.name(name).value(value).type("SecureString").overwrite(true));
        }
    }
}
