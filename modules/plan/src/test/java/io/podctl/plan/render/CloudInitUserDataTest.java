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
