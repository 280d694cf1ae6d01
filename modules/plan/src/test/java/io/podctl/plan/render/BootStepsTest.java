package io.podctl.plan.render;

import static io.podctl.plan.render.Rendered.examplePlan;
import static io.podctl.plan.render.Rendered.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Ports;
import io.podctl.plan.RenderedFile;
import io.podctl.plan.Role;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Artifact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A host boots through ordered oneshot steps; a failure stops the chain and leaves a marker, never a restart loop. */
class BootStepsTest {

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void everyStepFollowsTheOneBeforeAndRolesStartAfterTheLast(String pod) {
        PodPlan plan = examplePlan(pod);
        for (Host host : plan.controlHosts()) {
            List<String> steps = stepChain(host.files());
            assertThat(steps.get(0)).as(host.node()).isEqualTo("podctl-image.service");
            assertThat(steps.get(1)).isEqualTo("podctl-data-volume.service");
            assertThat(steps).containsSubsequence("podctl-data-volume.service", "podctl-install-zookeeper.service".equals(steps.get(steps.size() - 1))
                    ? "podctl-install-zookeeper.service" : steps.get(steps.size() - 1));
            for (String unit : steps) {
                Map<String, List<String>> service = unit(host.files(), unit);
                assertThat(service.get("Type")).as(unit).containsExactly("oneshot");
                assertThat(service).as(unit).doesNotContainKey("Restart");
                assertThat(service.get("OnFailure")).as(unit).containsExactly("podctl-step-failed@%N.service");
            }
            Map<String, List<String>> target = unit(host.files(), Bootstrap.STEPS_TARGET);
            assertThat(target.get("Requires")).containsExactly(steps.get(steps.size() - 1));
            for (Role role : Role.CONTROL) {
                if (host.runs(role)) {
                    Map<String, List<String>> service = unit(host.files(), serviceOf(role));
                    // ZooKeeper waits for its own install only (the chain before it), the others for every step
                    String after = role == Role.ZOOKEEPER ? ZooKeeperFiles.INSTALL_STEP : Bootstrap.STEPS_TARGET;
                    assertThat(steps).contains(role == Role.ZOOKEEPER ? after : steps.get(steps.size() - 1));
                    assertThat(service.get("Requires")).as(role.wire()).contains(after);
                    assertThat(service.get("After")).contains(after);
                    // a crash loop ends in the failed state and a marker
                    assertThat(service.get("StartLimitBurst")).containsExactly("5");
                    assertThat(service.get("OnFailure")).containsExactly("podctl-step-failed@%N.service");
                }
            }
            List<String> runcmd = Rendered.runcmd(host.userData());
            assertThat(runcmd.get(runcmd.size() - 1)).startsWith("systemctl start --no-block podctl-image.service ")
                    .endsWith(" podctl-booted.service");
        }
    }

    @Test
    void installsComeAfterTheDataVolumeFactsAndSecretsOnASharedHost() {
        Host host = examplePlan(Rendered.NOT_PROD).host("control-1");

        assertThat(stepChain(host.files())).containsExactly("podctl-image.service", "podctl-data-volume.service",
                "podctl-instance-facts.service", "podctl-secrets.service", "podctl-install-zookeeper.service",
                "podctl-install-mesos.service", "podctl-install-marathon.service");
    }

    /** Found booting the rendered hosts (tests/.../vm): a failed Mesos install kept ZooKeeper down on every shared host. */
    @Test
    void zooKeeperOnASharedHostDoesNotWaitForTheMesosAndMarathonInstalls() {
        Host host = examplePlan(Rendered.NOT_PROD).host("control-1");
        Map<String, List<String>> zookeeper = unit(host.files(), "zookeeper.service");

        assertThat(zookeeper.get("Requires")).containsExactly("podctl-install-zookeeper.service");
        assertThat(zookeeper.get("After")).doesNotContain("podctl-install-mesos.service", "podctl-install-marathon.service",
                Bootstrap.STEPS_TARGET);
        assertThat(unit(host.files(), "mesos-master.service").get("Requires")).contains(Bootstrap.STEPS_TARGET);
    }

    /**
     * Found booting the rendered hosts: systemd runs OnFailure= also for the units skipped after a
     * failed step, and the last of those reports overwrote the marker naming the real cause.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0, true", "1, false"})
    void onlyTheStepThatFailedItselfWritesTheFailedMarker(int isFailedExit, boolean written, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String report = file(examplePlan(Rendered.PROD).host("zk-2"), Layout.STANDARD.script("report-step"));
        java.nio.file.Path script = java.nio.file.Files.writeString(dir.resolve("report-step"), report);
        java.nio.file.Path bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
        java.nio.file.Path calls = dir.resolve("aws-calls");
        // systemctl is-failed answers as for a unit that failed (0) or was skipped after an earlier failure (1)
        stub(bin, "systemctl", "exit " + isFailedExit);
        stub(bin, "aws", "echo \"$*\" >> " + calls);
        stub(bin, "systemd-cat", "cat > /dev/null");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "failed", "podctl-install-zookeeper").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor()).as(output).isZero();
        if (written) {
            assertThat(java.nio.file.Files.readString(calls)).contains("ssm put-parameter --region us-west-2 --name /pods/prd-pod-1/status/zk-2")
                    .contains("--value failed podctl-install-zookeeper ");
        } else {
            assertThat(calls).doesNotExist();
            assertThat(output).contains("podctl-install-zookeeper did not run (an earlier step failed)");
        }
    }

    private static void stub(java.nio.file.Path bin, String name, String body) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    @Test
    void aFailedStepIsRecordedUnderThePodsStatusPathByTheHostItself() {
        PodPlan plan = examplePlan(Rendered.PROD);
        Host zk = plan.host("zk-2");
        assertThat(unit(zk.files(), "podctl-step-failed@.service").get("ExecStart"))
                .containsExactly(Layout.STANDARD.script("report-step") + " failed %i");
        String report = file(zk, Layout.STANDARD.script("report-step"));
        assertThat(report).contains("name=/pods/prd-pod-1/status/zk-2\n").contains("--region us-west-2")
                .doesNotContain("instance-id");
        assertThat(unit(zk.files(), "podctl-booted.service").get("ExecStart"))
                .containsExactly(Layout.STANDARD.script("report-step") + " booted podctl-install-zookeeper");

        AgentGroup agents = plan.agentGroups().get(0);
        // agents are many per pool: each reports under the pool by its instance id
        assertThat(file(agents.files(), Layout.STANDARD.script("report-step")))
                .contains("name=/pods/prd-pod-1/status/agents-general\n").contains("meta-data/instance-id");
    }

    @Test
    void installStepsFetchTheManifestsFileAndCheckItsDigest() {
        PodPlan plan = examplePlan(Rendered.PROD);
        Host zk = plan.host("zk-1");
        Artifact zookeeper = plan.artifacts().find("zookeeper", zk.versions().zookeeper()).orElseThrow();

        assertThat(file(zk, Layout.STANDARD.script("install-zookeeper")))
                .contains(Layout.STANDARD.script("fetch-artifact") + " '" + zookeeper.url() + "' sha512 " + zookeeper.sha512() + " ");
        Artifact mesos = plan.artifacts().find("mesos", plan.agentGroups().get(0).mesosVersion()).orElseThrow();
        assertThat(file(plan.agentGroups().get(0).files(), Layout.STANDARD.script("install-mesos")))
                .contains("' sha256 " + mesos.sha256() + " ")
                .contains("apt-get install -y -q --no-install-recommends");
    }

    @Test
    void aVersionWithoutAManifestEntryRendersAStepThatFailsWithTheReason() {
        // in-memory specs carry no manifest (validate refuses such a pod on disk)
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("p", SpecFixtures.prodPod("p")));

        assertThat(file(plan.host("zk-1"), Layout.STANDARD.script("install-zookeeper")))
                .contains("zookeeper $version has no entry in the artifact manifest").contains("exit 1");
    }

    @Test
    void dedicatedMarathonHostsInstallLibmesosAndRunOnJava8WithAFixedLibprocessPort() {
        PodPlan plan = examplePlan(Rendered.PROD);
        Host marathon = plan.host("marathon-1");
        String libmesos = plan.artifacts().find("marathon", marathon.versions().marathon()).orElseThrow().libmesos();

        assertThat(stepChain(marathon.files())).containsSubsequence("podctl-install-mesos.service", "podctl-install-marathon.service");
        assertThat(file(marathon, Layout.STANDARD.script("install-mesos"))).contains("version=" + libmesos + "\n")
                .contains("systemctl disable --now mesos-master.service").contains("systemctl disable --now mesos-slave.service");
        Map<String, List<String>> service = unit(marathon.files(), "marathon.service");
        assertThat(service.get("Environment")).contains("JAVA_HOME=" + ImageContract.DEBIAN_12.java8Home(),
                "LIBPROCESS_PORT=" + Ports.MARATHON_LIBPROCESS, "MESOS_NATIVE_JAVA_LIBRARY=/usr/lib/libmesos.so");
        assertThat(service.get("ExecStart").get(0)).startsWith("/usr/bin/env LIBPROCESS_IP=${PRIVATE_IP} ");
        assertThat(file(marathon, Layout.STANDARD.script("check-image"))).contains(ImageContract.DEBIAN_12.java8Home() + "/bin/java");
        // ZooKeeper keeps Java 17 on the shared hosts where both run
        Host shared = examplePlan(Rendered.NOT_PROD).host("control-1");
        assertThat(unit(shared.files(), "zookeeper.service").get("Environment")).contains("JAVA_HOME=" + ImageContract.DEBIAN_12.java17Home());
        assertThat(unit(shared.files(), "marathon.service").get("Environment")).contains("JAVA_HOME=" + ImageContract.DEBIAN_12.java8Home());
    }

    @Test
    void agentsCheckForCgroupV1AndDockerBeforeInstalling() {
        AgentGroup agents = examplePlan(Rendered.PROD).agentGroups().get(0);
        assertThat(file(agents.files(), Layout.STANDARD.script("check-image")))
                .contains("/sys/fs/cgroup/memory").contains("command -v docker");
    }

    private static String serviceOf(Role role) {
        return switch (role) {
            case ZOOKEEPER -> "zookeeper.service";
            case MESOS_MASTER -> "mesos-master.service";
            case MARATHON -> "marathon.service";
            case MESOS_AGENT -> "mesos-agent.service";
        };
    }

    /** The step units from the first (no Requires) along each one's successor. */
    static List<String> stepChain(List<RenderedFile> files) {
        Map<String, String> next = new LinkedHashMap<>();
        String first = null;
        for (RenderedFile f : files) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (name.startsWith("podctl-") && name.endsWith(".service") && f.path().startsWith(Layout.STANDARD.units())
                    && unit(files, name).get("Description").get(0).startsWith("podctl boot step ")) {
                List<String> requires = unit(files, name).getOrDefault("Requires", List.of());
                if (requires.isEmpty()) {
                    first = name;
                } else {
                    next.put(requires.get(0), name);
                }
            }
        }
        List<String> chain = new ArrayList<>();
        for (String unit = first; unit != null; unit = next.get(unit)) {
            chain.add(unit);
        }
        assertThat(chain).as("every step is on one chain").hasSize(next.size() + 1);
        return chain;
    }

    /** A unit file as systemd reads it: key -> values, space-separated lists split, comments dropped. */
    static Map<String, List<String>> unit(List<RenderedFile> files, String name) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String line : Rendered.file(files, Layout.STANDARD.unit(name)).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            String key = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            List<String> values = keys.computeIfAbsent(key, k -> new ArrayList<>());
            if (key.equals("Requires") || key.equals("After") || key.equals("Wants")) {
                values.addAll(List.of(value.split(" ")));
            } else {
                values.add(value);
            }
        }
        return keys;
    }
}
