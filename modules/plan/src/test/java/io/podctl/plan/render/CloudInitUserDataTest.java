package io.podctl.plan.render;

import static io.podctl.plan.render.Rendered.examplePlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.RenderedFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudInitUserDataTest {

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void userDataWritesExactlyTheRenderedFiles(String pod) {
        PodPlan plan = examplePlan(pod);
        for (Host host : plan.controlHosts()) {
            assertWritesExactly(host.userData(), host.files());
        }
        for (AgentGroup group : plan.agentGroups()) {
            assertWritesExactly(group.userData(), group.files());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void controlHostsMountTheDataVolumeBeforeTheirRolesStart(String pod) {
        for (Host host : examplePlan(pod).controlHosts()) {
            List<String> runcmd = Rendered.runcmd(host.userData());
            assertThat(runcmd.get(0)).isEqualTo("systemctl daemon-reload");
            String enable = runcmd.get(runcmd.size() - 1);
            assertThat(enable).startsWith("systemctl enable --now podctl-data-volume.service");
            // Marathon keeps its state in ZooKeeper: only these two need the volume
            for (String unit : List.of("zookeeper", "mesos-master")) {
                String path = Layout.STANDARD.unit(unit + ".service");
                if (Rendered.hasFile(host.files(), path)) {
                    assertThat(enable).contains(unit + ".service");
                    assertThat(Rendered.file(host, path)).contains("After=network-online.target podctl-data-volume.service")
                            .containsPattern("(?m)^Requires=podctl-data-volume.service");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void pinnedVersionsAreInstalledBeforeUnitsStart(String pod) {
        PodPlan plan = examplePlan(pod);
        Host zk = plan.hostsRunning(io.podctl.plan.Role.ZOOKEEPER).get(0);
        List<String> runcmd = Rendered.runcmd(zk.userData());
        assertThat(runcmd).contains(Layout.STANDARD.script("install-zookeeper"));
        assertThat(runcmd.indexOf(Layout.STANDARD.script("install-zookeeper"))).isLessThan(runcmd.size() - 1);
        assertThat(Rendered.file(zk, Layout.STANDARD.script("install-zookeeper"))).contains("version=" + zk.versions().zookeeper() + "\n");
        AgentGroup agents = plan.agentGroups().get(0);
        assertThat(Rendered.file(agents.files(), Layout.STANDARD.script("install-mesos"))).contains("version=" + agents.mesosVersion() + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void dataVolumeIsFormattedOnlyWhenBlank(String pod) {
        String script = Rendered.file(examplePlan(pod).controlHosts().get(0), Layout.STANDARD.script("mount-data-volume"));
        assertThat(script).contains("if ! blkid \"$device\" >/dev/null 2>&1; then\n  mkfs.ext4");
        assertThat(script).contains("mount_point=/var/lib/pod\n");
    }

    @SuppressWarnings("unchecked")
    private static void assertWritesExactly(String userData, List<RenderedFile> files) {
        Map<String, Map<String, Object>> written = Rendered.writeFiles(userData);
        assertThat(written.keySet()).containsExactlyElementsOf(files.stream().map(RenderedFile::path).toList());
        for (RenderedFile file : files) {
            Map<String, Object> entry = written.get(file.path());
            assertThat(entry.get("content")).as(file.path()).isEqualTo(file.content());
            assertThat(entry.get("permissions")).as(file.path()).isEqualTo(file.mode());
            assertThat(entry.get("owner")).isEqualTo("root:root");
        }
    }
}
