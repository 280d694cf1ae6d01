package io.podctl.plan.render;

import static io.podctl.plan.render.Rendered.examplePlan;
import static io.podctl.plan.render.Rendered.file;
import static io.podctl.plan.render.Rendered.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarathonFlagsTest {

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void allInstancesShareMesosAndTheirZooKeeperStateNode(String pod) {
        PodPlan plan = examplePlan(pod);
        assertThat(plan.hostsRunning(Role.MARATHON)).hasSize(3);
        for (Host host : plan.hostsRunning(Role.MARATHON)) {
            Map<String, String> flags = flags(file(host, Layout.STANDARD.marathonFlags()));
            assertThat(flags).containsEntry("master", MesosFlagsTest.ensemble(pod) + "/mesos")
                    .containsEntry("zk", MesosFlagsTest.ensemble(pod) + "/marathon");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void hostnameIsTheNameStandbysProxyTo(String pod) {
        PodPlan plan = examplePlan(pod);
        for (Host host : plan.hostsRunning(Role.MARATHON)) {
            assertThat(flags(file(host, Layout.STANDARD.marathonFlags())))
                    .containsEntry("hostname", "marathon-" + host.index() + "." + pod + ".pod.internal")
                    .containsEntry("http_port", "8080");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void credentialsReachMarathonFromTheBootFetchedSecretNotFromAFlag(String pod) {
        Host host = examplePlan(pod).hostsRunning(Role.MARATHON).get(0);
        assertThat(flags(file(host, Layout.STANDARD.marathonFlags()))).doesNotContainKey("http_credentials");
        assertThat(file(host, Layout.STANDARD.unit("marathon.service")))
                .contains("Environment=PODCTL_SECRETS_DIR=/run/podctl/secrets/marathon")
                .contains("Requires=podctl-steps.target");
        assertThat(file(host, Layout.STANDARD.script("fetch-secrets")))
                .contains("/run/podctl/secrets/marathon/MARATHON_HTTP_CREDENTIALS");
    }
}
