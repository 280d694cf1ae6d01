package io.podctl.aws.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.command.RemoteCommand;
import io.podctl.aws.command.SsmRunCommand;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.run.PodHealth;
import io.podctl.spec.SpecFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pod's probes addressed by its plan: each to the instance of its node, against the role's port
 * on that host's loopback (nothing listens on those ports here, so every member reads as down).
 */
class SsmTargetsTest {

    private ExecutingSsm ssm;
    private RemoteCommand remote;

    @BeforeEach
    void start() throws Exception {
        // the host's AWS CLI gets no answer: nothing here may reach a real AWS endpoint
        ssm = new ExecutingSsm(Map.of(AwsContext.ENDPOINT_ENV, "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "none", "AWS_SECRET_ACCESS_KEY", "none", "AWS_MAX_ATTEMPTS", "1"));
        remote = new SsmRunCommand(AwsContext.of(MotoEndpoint.REGION, new MotoEndpoint(ssm.endpoint()).credentials(), ssm.endpoint()),
                Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        remote.close();
        ssm.close();
    }

    private static PodPlan authenticated(String name) {
        return PodPlanner.plan(SpecFixtures.pod(name, SpecFixtures.prodPod(name).replace("    marathonHttpCredentials:",
                "    mesosCredentials: ssm:/pods/" + name + "/mesos/credentials\n"
                        + "    mesosAgentCredential: ssm:/pods/" + name + "/mesos/agent-credential\n"
                        + "    marathonMesosSecret: ssm:/pods/" + name + "/mesos/marathon-secret\n"
                        + "    mesosOperatorCredential: ssm:/pods/" + name + "/mesos/operator-credential\n"
                        + "    marathonHttpCredentials:")));
    }

    @Test
    void eachProbeGoesToItsNodesInstanceOnTheRolesPort() {
        PodPlan pod = authenticated("pod-t");
        Map<String, String> instances = Map.of("zk-1", "i-0zk1", "zk-2", "i-0zk2", "zk-3", "i-0zk3", "master-1", "i-0m1",
                "master-2", "i-0m2", "master-3", "i-0m3", "marathon-1", "i-0mt1");
        PodHealth health = new SsmTargets(remote, p -> instances, Duration.ofSeconds(30)).health(pod);

        Health zk = health.role(Role.ZOOKEEPER).orElseThrow().check();
        Health masters = health.role(Role.MESOS_MASTER).orElseThrow().check();
        Health marathon = health.role(Role.MARATHON).orElseThrow().check();

        assertThat(zk.healthy()).isFalse();
        assertThat(zk.facts().get("zk-1.pod-t.pod.internal:2181")).contains("connection refused on 127.0.0.1:2181");
        assertThat(ssm.sent()).filteredOn(s -> s.command().contains("/dev/tcp/"))
                .extracting(ExecutingSsm.Sent::instanceId).containsExactly("i-0zk1", "i-0zk2", "i-0zk3");
        assertThat(ssm.sent()).filteredOn(s -> s.instanceId().startsWith("i-0m") && !s.instanceId().startsWith("i-0mt"))
                .hasSize(3).allSatisfy(s -> assertThat(s.command()).contains("http://127.0.0.1:5050/metrics/snapshot",
                        "aws ssm get-parameter --region ", "us-west-2", "/pods/pod-t/mesos/operator-credential", "--with-decryption"));
        assertThat(masters.healthy()).isFalse();
        assertThat(masters.reason()).contains("master-1.pod-t.pod.internal:5050");
        assertThat(masters.facts().get("master-1.pod-t.pod.internal:5050")).contains("the host cannot read its credential");
        // Marathon's credentials come from the file the host fetched at boot
        assertThat(ssm.sent()).filteredOn(s -> s.instanceId().equals("i-0mt1")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.command()).contains("/run/podctl/secrets/marathon/MARATHON_HTTP_CREDENTIALS",
                        "http://127.0.0.1:8080/v2/leader"));
        // a node without a running instance is unreachable, asked nowhere
        assertThat(marathon.facts().get("marathon-2.pod-t.pod.internal:8080")).contains("pod-t/marathon-2 has no running instance");
        assertThat(ssm.sent()).extracting(ExecutingSsm.Sent::instanceId).doesNotContain("i-0mt2");
    }
}
