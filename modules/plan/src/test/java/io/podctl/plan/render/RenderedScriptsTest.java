package io.podctl.plan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scripts a host runs at boot are at least valid bash (bash -n parses without running). */
class RenderedScriptsTest {

    @Test
    void everyExecutableScriptParsesAsBash(@TempDir Path dir) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String pod : List.of(Rendered.PROD, Rendered.NOT_PROD)) {
            PodPlan plan = Rendered.examplePlan(pod);
            List<RenderedFile> files = new ArrayList<>();
            plan.controlHosts().stream().map(Host::files).forEach(files::addAll);
            plan.agentGroups().stream().map(AgentGroup::files).forEach(files::addAll);
            files.stream().filter(f -> f.mode().equals(Bootstrap.EXECUTABLE))
                    .forEach(f -> scripts.put(pod + f.path(), f.content()));
        }
        assertThat(scripts.keySet()).anyMatch(p -> p.endsWith("/install-zookeeper")).anyMatch(p -> p.endsWith("/exec-with-flags"));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            assertThat(script.getValue()).as(script.getKey()).startsWith("#!/bin/bash\n");
            assertThat(bashParse(dir, script.getValue())).as(script.getKey()).isEmpty();
        }
    }

    private static String bashParse(Path dir, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "script", ".sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return bash.exitValue() == 0 ? "" : output;
    }
}
