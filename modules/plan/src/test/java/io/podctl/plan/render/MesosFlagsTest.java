package io.podctl.plan.render;

import static io.podctl.plan.render.Rendered.examplePlan;
import static io.podctl.plan.render.Rendered.file;
import static io.podctl.plan.render.Rendered.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MesosFlagsTest {

    static String ensemble(String pod) {
        return "zk://zk-1.%1$s.pod.internal:2181,zk-2.%1$s.pod.internal:2181,zk-3.%1$s.pod.internal:2181".formatted(pod);
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void mastersShareTheEnsembleAndAQuorumOfTwo(String pod) {
        PodPlan plan = examplePlan(pod);
        assertThat(plan.hostsRunning(Role.MESOS_MASTER)).hasSize(3);
        for (Host host : plan.hostsRunning(Role.MESOS_MASTER)) {
            Map<String, String> flags = flags(file(host, Layout.STANDARD.masterFlags()));
            assertThat(flags).containsEntry("zk", ensemble(pod) + "/mesos")
                    .containsEntry("quorum", "2")
                    .containsEntry("cluster", pod);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void masterAdvertisesItsBootAddressUnderItsOwnName(String pod) {
        PodPlan plan = examplePlan(pod);
        for (Host host : plan.hostsRunning(Role.MESOS_MASTER)) {
            Map<String, String> flags = flags(file(host, Layout.STANDARD.masterFlags()));
            assertThat(flags).containsEntry("hostname", "master-" + host.index() + "." + pod + ".pod.internal")
                    .containsEntry("advertise_ip", "${PRIVATE_IP}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void masterWorkDirIsOnTheDataVolume(String pod) {
        Host master = examplePlan(pod).hostsRunning(Role.MESOS_MASTER).get(0);
        assertThat(flags(file(master, Layout.STANDARD.masterFlags())).get("work_dir")).startsWith(Layout.STANDARD.dataMount() + "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void agentsFindMastersThroughZooKeeperAndRunDockerAndMesosContainers(String pod) {
        for (AgentGroup group : examplePlan(pod).agentGroups()) {
            Map<String, String> flags = flags(file(group.files(), Layout.STANDARD.agentFlags()));
            assertThat(flags).containsEntry("master", ensemble(pod) + "/mesos")
                    .containsEntry("containerizers", "docker,mesos")
                    .containsEntry("advertise_ip", "${PRIVATE_IP}")
                    .containsKey("work_dir");
        }
    }

    @Test
    void agentAttributesCarryZoneFromBootThenPodAndPoolThenThePoolsOwn() {
        List<AgentGroup> groups = examplePlan(Rendered.PROD).agentGroups();
        assertThat(groups).extracting(AgentGroup::pool).containsExactly("general", "memory");
        for (AgentGroup group : groups) {
            String attributes = flags(file(group.files(), Layout.STANDARD.agentFlags())).get("attributes");
            List<String> pairs = Arrays.asList(attributes.split(";"));
            // the rollout finds a pool's registered agents by the pool attribute
            assertThat(pairs).containsExactly("zone:${AVAILABILITY_ZONE}", "pod:" + Rendered.PROD, "pool:" + group.pool(), "workload:" + group.pool());
        }
    }

    @Test
    void sharedHostsInstallMesosOnce() {
        Host control = examplePlan(Rendered.NOT_PROD).host("control-1");
        assertThat(control.files()).filteredOn(f -> f.path().endsWith("/install-mesos")).hasSize(1);
    }
}
