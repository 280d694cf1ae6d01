package io.podctl.plan.render;

import static io.podctl.plan.render.Rendered.file;
import static io.podctl.plan.render.Rendered.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.spec.SpecFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frameworks, agents and HTTP writers authenticate to the masters with credentials fetched at boot, never rendered. */
class MesosAuthenticationTest {
    private static final String ROOT = Layout.STANDARD.secretsRoot();

    private static PodPlan plan(String name, boolean authenticated) {
        String text = SpecFixtures.prodPod(name).replace("colocation: dedicated", "colocation: shared");
        text = text + "  exceptions:\n    - {rule: shared-colocation, reason: \"test pod\"}\n";
        if (authenticated) {
            text = text.replace("    marathonHttpCredentials:",
                    "    mesosCredentials: ssm:/pods/" + name + "/mesos/credentials\n"
                            + "    mesosAgentCredential: ssm:/pods/" + name + "/mesos/agent-credential\n"
                            + "    marathonMesosSecret: ssm:/pods/" + name + "/mesos/marathon-secret\n"
                            + "    mesosOperatorCredential: ssm:/pods/" + name + "/mesos/operator-credential\n"
                            + "    marathonHttpCredentials:");
        }
        return PodPlanner.plan(SpecFixtures.pod(name, text));
    }

    @Test
    void mastersRequireAuthenticationAndEveryClientPresentsItsBootFetchedCredential() {
        PodPlan plan = plan("pod-auth", true);
        Host host = plan.hostsRunning(Role.MESOS_MASTER).get(0);

        Map<String, String> master = flags(file(host, Layout.STANDARD.masterFlags()));
        assertThat(master).containsEntry("authenticate_frameworks", "true").containsEntry("authenticate_agents", "true")
                .containsEntry("authenticate_http_readwrite", "true")
                .containsEntry("credentials", ROOT + "/mesos-master/credentials");

        Map<String, String> marathon = flags(file(host, Layout.STANDARD.marathonFlags()));
        assertThat(marathon).containsEntry("mesos_authentication", "").containsEntry("mesos_authentication_principal", "marathon")
                .containsEntry("mesos_authentication_secret_file", ROOT + "/marathon-mesos/secret");

        AgentGroup agents = plan.agentGroups().get(0);
        assertThat(flags(file(agents.files(), Layout.STANDARD.agentFlags()))).containsEntry("credential", ROOT + "/mesos-agent/credential");

        // each file is fetched at boot by the host that needs it, from its reference, onto tmpfs
        String hostSecrets = file(host, Layout.STANDARD.script("fetch-secrets"));
        assertThat(hostSecrets).contains("fetch ssm '/pods/pod-auth/mesos/credentials' " + ROOT + "/mesos-master/credentials",
                "fetch ssm '/pods/pod-auth/mesos/marathon-secret' " + ROOT + "/marathon-mesos/secret")
                .doesNotContain("agent-credential")
                // podctl's own: read by a probe on demand with the host's role, so adding it replaces no host
                .doesNotContain("operator-credential");
        String agentSecrets = file(agents.files(), Layout.STANDARD.script("fetch-secrets"));
        assertThat(agentSecrets).contains("fetch ssm '/pods/pod-auth/mesos/agent-credential' " + ROOT + "/mesos-agent/credential")
                .doesNotContain("/mesos/credentials", "marathon", "operator-credential");
        // Marathon's environment directory holds its HTTP credentials only: the Mesos secret stays a file
        assertThat(hostSecrets).doesNotContain(ROOT + "/marathon/marathon-secret");
    }

    @Test
    void withoutCredentialsInTheSpecNothingAuthenticates() {
        PodPlan plan = plan("pod-open", false);
        Host host = plan.hostsRunning(Role.MESOS_MASTER).get(0);

        assertThat(flags(file(host, Layout.STANDARD.masterFlags()))).doesNotContainKeys("authenticate_agents", "credentials");
        assertThat(flags(file(host, Layout.STANDARD.marathonFlags()))).doesNotContainKey("mesos_authentication");
        assertThat(flags(file(plan.agentGroups().get(0).files(), Layout.STANDARD.agentFlags()))).doesNotContainKey("credential");
    }

    @Test
    void mesosAuthenticationNeedsAllFourSecrets() {
        String text = SpecFixtures.prodPod("pod-half").replace("    marathonHttpCredentials:",
                "    mesosCredentials: ssm:/pods/pod-half/mesos/credentials\n    marathonHttpCredentials:");

        var set = SpecFixtures.load(Map.of("pods/pod-half.yaml", text));

        assertThat(set.findings().toString()).contains("pods/pod-half.yaml:30:", "Mesos authentication needs all of",
                "missing mesosAgentCredential, marathonMesosSecret, mesosOperatorCredential");
    }
}
