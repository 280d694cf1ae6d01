package io.podctl.plan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.RenderedFile;
import io.podctl.plan.Role;
import io.podctl.spec.SpecFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts fetch secrets themselves at boot: a plan holds references, and only references are rendered. */
class SecretReferencesTest {
    static final String ARN = "arn:aws:secretsmanager:us-west-2:123456789012:secret:pods/p/marathon-AbCdEf";

    @Test
    void secretsManagerReferenceIsFetchedWithTheInstanceRoleOnMarathonHostsOnly() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")
                .replace("ssm:/pods/p/marathon/http-credentials", "secretsmanager:" + ARN)));
        for (Host host : plan.controlHosts()) {
            if (host.runs(Role.MARATHON)) {
                assertThat(host.userData()).containsOnlyOnce(ARN);
                assertThat(Rendered.file(host, Layout.STANDARD.script("fetch-secrets")))
                        .contains("fetch secretsmanager '" + ARN + "' /run/podctl/secrets/marathon/MARATHON_HTTP_CREDENTIALS")
                        .contains("aws secretsmanager get-secret-value");
            } else {
                assertThat(host.userData()).doesNotContain(ARN).doesNotContain("fetch-secrets");
            }
        }
        for (AgentGroup group : plan.agentGroups()) {
            assertThat(group.userData()).doesNotContain(ARN);
        }
    }

    @Test
    void ssmReferenceIsFetchedDecryptedIntoARootOnlyTmpfsFile() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));
        String script = Rendered.file(plan.host("marathon-1"), Layout.STANDARD.script("fetch-secrets"));
        assertThat(script).contains("fetch ssm '/pods/p/marathon/http-credentials' /run/podctl/secrets/marathon/MARATHON_HTTP_CREDENTIALS")
                .contains("--with-decryption")
                .contains("umask 077");
    }

    @Test
    void aLiteralSecretThatSlippedIntoThePlanIsRefusedWithoutEcho() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));
        String literal = "admin:hunter2";
        PodPlan leaked = new PodPlan(plan.pod(), plan.tier(), plan.region(), plan.placement(), plan.colocation(), plan.zones(),
                plan.imageId(), plan.sshKeyName(), plan.dnsZone(), plan.network(), plan.securityGroups(), plan.identity(),
                plan.controlHosts(), plan.agentGroups(), Map.of(PodSecrets.MARATHON_HTTP_CREDENTIALS, literal), plan.adminCidrs(),
                plan.tags(), plan.artifacts());
        assertThatThrownBy(() -> BootstrapRenderer.render(leaked))
                .hasMessageContaining(PodSecrets.MARATHON_HTTP_CREDENTIALS)
                .message().doesNotContain("hunter2");
    }

    @Test
    void noRenderedFileCarriesACredentialFlag() {
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));
        for (Host host : plan.controlHosts()) {
            for (RenderedFile file : host.files()) {
                assertThat(file.content()).as(file.path()).doesNotContain("--http_credentials").doesNotContain("MARATHON_HTTP_CREDENTIALS=");
            }
        }
    }
}
