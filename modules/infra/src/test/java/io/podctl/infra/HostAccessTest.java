package io.podctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.SpecFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who can get onto a host and what a host's role may read: agents apart from the control plane, SSH only on request. */
class HostAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    @AfterEach
    void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    private static MockEngineRun.Result run(String name, String text) {
        return MockEngineRun.run(PodPlanner.plan(SpecFixtures.pod(name, text)), ProgramOptions.defaults());
    }

    /** The prod fixture with every Mesos credential referenced, as a pod with authentication would have them. */
    private static String withMesosCredentials(String name) {
        return SpecFixtures.prodPod(name).replace("    marathonHttpCredentials:",
                "    mesosCredentials: ssm:/pods/" + name + "/mesos/credentials\n"
                        + "    mesosAgentCredential: ssm:/pods/" + name + "/mesos/agent-credential\n"
                        + "    marathonMesosSecret: ssm:/pods/" + name + "/mesos/marathon-secret\n"
                        + "    mesosOperatorCredential: ssm:/pods/" + name + "/mesos/operator-credential\n"
                        + "    marathonHttpCredentials:");
    }

    @Test
    void agentsRunWithTheirOwnRoleThatReadsOnlyTheAgentCredential() throws Exception {
        MockEngineRun.Result run = run("pod-a", withMesosCredentials("pod-a"));

        PlannedResource template = run.ofType(TEMPLATE).get(0);
        assertThat(template.input("iamInstanceProfile")).isEqualTo(Map.of("arn", "arn:aws:iam::123456789012:instance-profile/pod-a-agent"));
        assertThat(run.ofType("aws:iam/instanceProfile:InstanceProfile")).filteredOn(p -> p.name().equals("pod-a-agent"))
                .singleElement().satisfies(p -> assertThat(p.input("role")).isEqualTo("pod-a-agent"));

        JsonNode agent = JSON.readTree((String) run.find("pod-a-agent-agent").orElseThrow().input("policy"));
        List<String> resources = new ArrayList<>();
        agent.findValues("Resource").forEach(r -> r.forEach(arn -> resources.add(arn.asText())));
        assertThat(resources).containsExactly(
                "arn:aws:ssm:us-west-2:123456789012:parameter/pods/pod-a/mesos/agent-credential",
                "arn:aws:ssm:us-west-2:123456789012:parameter/pods/pod-a/status/agents-*",
                "*");
        assertThat(agent.at("/Statement/0/Action").toString()).isEqualTo("[\"ssm:GetParameter\"]");
        assertThat(agent.at("/Statement/1/Action").toString()).isEqualTo("[\"ssm:PutParameter\"]");
        assertThat(agent.at("/Statement/2/Action").toString()).doesNotContain("GetParameter", "secretsmanager", "PutParameter");
        assertThat(agent.toString()).doesNotContain("marathon", "/mesos/credentials", "/pods/pod-a/*");

        // the control hosts keep theirs, which reads the whole pod path
        JsonNode host = JSON.readTree((String) run.find("pod-a-host-read-pod-config").orElseThrow().input("policy"));
        assertThat(host.at("/Statement/0/Resource/0").asText()).isEqualTo("arn:aws:ssm:us-west-2:123456789012:parameter/pods/pod-a/*");
        assertThat(run.ofType("aws:ec2/instance:Instance")).allSatisfy(i -> assertThat(i.input("iamInstanceProfile")).isEqualTo("pod-a-host"));
    }

    @Test
    void containersOnBridgeNetworksCannotReachTheMetadataService() {
        MockEngineRun.Result run = run("pod-m", SpecFixtures.prodPod("pod-m"));

        assertThat(run.ofType(TEMPLATE)).allSatisfy(t -> assertThat(t.input("metadataOptions")).isEqualTo(Map.of(
                "httpTokens", "required", "httpEndpoint", "enabled", "httpPutResponseHopLimit", 1L, "instanceMetadataTags", "enabled")));
    }

    @Test
    void sshIsOffUnlessTheSpecNamesAKeyPair() {
        MockEngineRun.Result off = run("pod-s", SpecFixtures.prodPod("pod-s"));
        MockEngineRun.Result on = run("pod-k", SpecFixtures.prodPod("pod-k")
                .replace("adminCidrs: [10.0.0.0/8]", "adminCidrs: [10.0.0.0/8]\n    sshKeyName: platform-ops"));

        assertThat(off.ofType(INGRESS)).noneMatch(r -> Long.valueOf(22).equals(r.input("fromPort")));
        assertThat(off.ofType("aws:ec2/instance:Instance")).allSatisfy(i -> assertThat(i.inputs()).doesNotContainKey("keyName"));
        assertThat(off.ofType(TEMPLATE)).allSatisfy(t -> assertThat(t.inputs()).doesNotContainKey("keyName"));
        // admin shells then go through Session Manager: both roles carry the SSM agent's channels
        assertThat(off.find("pod-s-host-read-pod-config").orElseThrow().input("policy").toString()).contains("ssmmessages:OpenDataChannel");
        assertThat(off.find("pod-s-agent-agent").orElseThrow().input("policy").toString()).contains("ssmmessages:OpenDataChannel");

        assertThat(on.ofType(INGRESS)).filteredOn(r -> Long.valueOf(22).equals(r.input("fromPort")))
                .singleElement().satisfies(r -> assertThat(r.inputs()).containsEntry("cidrIpv4", "10.0.0.0/8")
                        .containsEntry("securityGroupId", "pod-k-pod"));
        assertThat(on.ofType("aws:ec2/instance:Instance")).allSatisfy(i -> assertThat(i.input("keyName")).isEqualTo("platform-ops"));
        assertThat(on.ofType(TEMPLATE)).allSatisfy(t -> assertThat(t.input("keyName")).isEqualTo("platform-ops"));
    }
}
