package io.podctl.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import io.podctl.tests.Podctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * podctl against the real Pulumi engine: the Pulumi CLI, the aws provider bridged from the
 * Terraform AWS provider, and moto behind every AWS call. The tests run in order on one moto and
 * one state backend, as an operator's day would: up, look, change, break, repair, tear down.
 */
@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealEngineTest {

    private static final Duration ENGINE_RUN = Duration.ofMinutes(12);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private MotoEndpoint moto;
    private Map<String, String> env;
    private Ec2Client ec2;

    @BeforeAll
    void fleetInAGitRepositoryWithAnImageTheEmulatorHas(MotoEndpoint moto, @TempDir Path dir) throws Exception {
        this.dir = dir;
        this.moto = moto;
        this.env = RealEngine.env(moto);
        this.ec2 = moto.context().ec2();
        Podctl.copyFleet(dir);
        // the example fleet pins a placeholder AMI; RunInstances needs one that exists
        String ami = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        edit("fleet.yaml", s -> s.replace("ami-0123456789abcdef0", ami));
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "fleet");
    }

    @Test
    @Order(1)
    void upCreatesThePodAndStatusFindsEveryHostByItsTags() {
        Podctl.Result up = podctl("up", "not-prod-pod-1", "--yes");

        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.stdout()).contains("up of pod not-prod-pod-1 done");
        assertThat(running("not-prod-pod-1")).extracting(this::node)
                .contains("control-1", "control-2", "control-3");
        assertThat(running("not-prod-pod-1")).hasSize(3 + 3); // shared control hosts + the general pool

        Podctl.Result outputs = podctl("outputs", "not-prod-pod-1");
        assertThat(outputs.exitCode()).as(outputs.all()).isZero();
        assertThat(outputs.stdout()).contains("nodeVersions={", "zookeeperConnect=zk-1.not-prod-pod-1.pod.internal:2181");

        Podctl.Result status = podctl("status", "not-prod-pod-1");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.stdout()).contains("3 control instances for 3 planned nodes", "in sync");
    }

    @Test
    @Order(2)
    void aPreviewRightAfterUpHasNothingToDo() throws Exception {
        JsonNode preview = previewJson("not-prod-pod-1");

        assertThat(preview.get("resources")).as(preview.toString()).isEmpty();
    }

    @Test
    @Order(3)
    void aWrongPassphraseIsOneSentenceAndExitTwo() {
        Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("PODCTL_PASSPHRASE", "not-the-passphrase");

        Podctl.Result r = Podctl.run(dir, wrong, null, ENGINE_RUN, "preview", "not-prod-pod-1");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.stderr().strip().lines().filter(l -> l.startsWith("podctl:")))
                .containsExactly("podctl: PODCTL_PASSPHRASE does not decrypt the secrets of pod not-prod-pod-1's stack:"
                        + " set it to the passphrase the stack was created with; nothing was changed");
    }

    @Test
    @Order(4)
    void anInstanceTerminatedBehindPodctlsBackIsDriftAndUpRepairsIt() {
        Instance victim = running("not-prod-pod-1").stream().filter(i -> node(i).equals("control-2")).findFirst().orElseThrow();
        ec2.terminateInstances(r -> r.instanceIds(victim.instanceId()));

        Podctl.Result status = podctl("status", "not-prod-pod-1");
        assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
        assertThat(status.stdout()).contains("missing: control-2", "out of sync");

        Podctl.Result refresh = podctl("refresh", "not-prod-pod-1");
        assertThat(refresh.exitCode()).as(refresh.all()).isZero();
        assertThat(refresh.stdout()).containsPattern("- delete +aws:ec2/instance:Instance +not-prod-pod-1-control-2");
        assertThat(refresh.stdout().lines().filter(l -> l.startsWith("  ") && !l.contains("not-prod-pod-1-control-2")))
                .as("the refresh finds the terminated instance and nothing else").isEmpty();

        Podctl.Result repair = podctl("up", "not-prod-pod-1", "--yes");
        assertThat(repair.exitCode()).as(repair.all()).isZero();
        assertThat(podctl("status", "not-prod-pod-1").stdout()).contains("in sync");
    }

    @Test
    @Order(5)
    void pulumiPreviewFromTheRepositoryRootPlansWhatPodctlPreviewPlans() throws Exception {
        // a project folder like the repository root: Pulumi.yaml (runtime java, the infra jar) and pods/
        Path project = Files.createDirectories(dir.resolve("project"));
        String pulumiYaml = Files.readString(Podctl.repoRoot().resolve("Pulumi.yaml"))
                .replace("binary: modules/infra/target/", "binary: " + Podctl.repoRoot().resolve("modules/infra/target") + "/");
        Files.writeString(project.resolve("Pulumi.yaml"), pulumiYaml);
        Files.createSymbolicLink(project.resolve("pods"), dir.resolve("pods"));
        // the stack's settings (secrets salt, provider config) as podctl wrote them
        Files.copy(dir.resolve(".podctl/work/not-prod-pod-1/Pulumi.not-prod-pod-1.yaml"), project.resolve("Pulumi.not-prod-pod-1.yaml"));
        edit("not-prod-pod-1.yaml", s -> s.replace("team: platform", "team: platform-ops"));
        try {
            Set<String> podctlPlan = changes(previewJson("not-prod-pod-1"));
            ProcessBuilder builder = new ProcessBuilder(RealEngine.bin().resolve("pulumi").toString(), "preview", "-s",
                    "not-prod-pod-1", "--json", "--non-interactive").directory(project.toFile())
                    .redirectError(dir.resolve("pulumi-preview.err").toFile());
            builder.environment().putAll(env);
            builder.environment().put("PULUMI_BACKEND_URL", dir.resolve(".podctl/state").toUri().toString().replaceFirst("^file:/+", "file:///"));
            builder.environment().put("PULUMI_CONFIG_PASSPHRASE", RealEngine.PASSPHRASE);
            builder.environment().put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
            Process pulumi = builder.start();
            pulumi.getOutputStream().close();
            String out = new String(pulumi.getInputStream().readAllBytes());
            assertThat(pulumi.waitFor()).as(out + Files.readString(dir.resolve("pulumi-preview.err"))).isZero();
            Set<String> pulumiPlan = new TreeSet<>();
            for (JsonNode step : JSON.readTree(out).path("steps")) {
                String op = step.path("op").asText();
                if (!op.equals("same") && !op.equals("read")) {
                    pulumiPlan.add(action(op) + " " + step.path("urn").asText().replaceAll(".*::", ""));
                }
            }
            assertThat(podctlPlan).isNotEmpty();
            assertThat(pulumiPlan).isEqualTo(podctlPlan);
        } finally {
            edit("not-prod-pod-1.yaml", s -> s.replace("team: platform-ops", "team: platform"));
        }
    }

    /**
     * The rollout plan reads what each node runs from the real stack's nodeVersions output; pods
     * without a stack are shown as not deployed. Then one step of the rollout's Pulumi driver,
     * from this JVM: the node re-planned at the new version, its instance replaced, nothing else.
     */
    @Test
    @Order(6)
    void rolloutPlanReadsTheStackAndAStepReplacesExactlyThatNodesInstance() throws Exception {
        edit("not-prod-pod-1.yaml", s -> s.replace("spec:\n", "spec:\n  versions: {zookeeper: 3.9.5}\n"));
        try {
            Podctl.Result plan = podctl("rollout", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isZero();
            assertThat(plan.stdout()).contains("not-prod-pod-1", "control-1", "3.8.4", "3.9.5")
                    .contains("prd-pod-1: not deployed (no stack yet), skipped", "not-prod-pod-2: not deployed (no stack yet), skipped");
            assertThat(Files.exists(dir.resolve(".podctl/state/.pulumi/stacks/podctl/prd-pod-1.json")))
                    .as("looking at a pod creates no stack").isFalse();

            var specs = io.podctl.spec.load.SpecLoader.load(List.of(dir.resolve("pods"))).validPods();
            var pod = specs.stream().filter(p -> p.name().equals("not-prod-pod-1")).findFirst().orElseThrow();
            // the engine's processes get what a shell's podctl gets (credentials for moto), so the
            // provider's inputs are the CLI's and the step changes the node alone
            Map<String, String> processEnv = new java.util.HashMap<>(env);
            processEnv.remove("PODCTL_PASSPHRASE");
            var settings = new io.podctl.engine.EngineSettings(dir, null, RealEngine.PASSPHRASE, java.util.Optional.of(moto.uri()), ENGINE_RUN)
                    .withProviderEnvironment(processEnv);
            var engine = new io.podctl.engine.AutomationEngine(settings, com.pulumi.automation.LocalPulumiCommand.create());
            var driver = new io.podctl.engine.rollout.PulumiNodeDriver(engine, specs,
                    p -> ctx -> io.podctl.infra.PodProgram.run(ctx, p, io.podctl.infra.ProgramOptions.defaults()),
                    (p, n, r, alone) -> { throw new AssertionError("no stop expected"); }, io.podctl.engine.ProgressListener.NONE);
            var deployedPlan = io.podctl.plan.PodPlanner.plan(pod, driver.deployed(io.podctl.plan.PodPlanner.plan(pod)));
            Map<String, String> before = instanceIds("not-prod-pod-1");

            driver.upgrade(deployedPlan, "control-1", io.podctl.plan.Role.ZOOKEEPER, "3.9.5");

            Map<String, String> after = instanceIds("not-prod-pod-1");
            assertThat(after.get("control-1")).isNotEqualTo(before.get("control-1"));
            before.remove("control-1");
            after.remove("control-1");
            assertThat(after).as("every other instance, agents included").isEqualTo(before);
            assertThat(driver.deployed(deployedPlan).get("control-1").zookeeper()).isEqualTo("3.9.5");
            assertThat(driver.deployed(deployedPlan).get("control-2").zookeeper()).isEqualTo("3.8.4");
        } finally {
            edit("not-prod-pod-1.yaml", s -> s.replace("spec:\n  versions: {zookeeper: 3.9.5}\n", "spec:\n"));
        }
    }

    @Test
    @Order(7)
    void movingThePodToAnotherZoneIsRefusedBeforeAnythingIsTouched() throws Exception {
        Map<String, String> before = instanceIds("not-prod-pod-1");
        edit("not-prod-pod-1.yaml", s -> s.replace("zones: [us-west-2a]", "zones: [us-west-2b]"));
        try {
            Podctl.Result up = podctl("up", "not-prod-pod-1", "--yes");

            assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
            assertThat(up.stderr()).contains("pod not-prod-pod-1 cannot move to other zones in place: the subnet for us-west-2b"
                    + " would take 10.20.0.0/22, which subnet ", " in us-west-2a holds", "nothing was changed");
            assertThat(instanceIds("not-prod-pod-1")).isEqualTo(before);
            assertThat(dataVolumes("not-prod-pod-1")).extracting(v -> v.availabilityZone()).containsOnly("us-west-2a");
        } finally {
            edit("not-prod-pod-1.yaml", s -> s.replace("zones: [us-west-2b]", "zones: [us-west-2a]"));
        }
    }

    @Test
    @Order(10)
    void prodUpGoesAheadOnlyWhenThePodsNameIsTyped() {
        Podctl.Result declined = Podctl.run(dir, env, "yes\n", ENGINE_RUN, "up", "prd-pod-1");
        assertThat(declined.exitCode()).as(declined.all()).isEqualTo(3);
        assertThat(running("prd-pod-1")).isEmpty();

        Podctl.Result approved = Podctl.run(dir, env, "prd-pod-1\n", ENGINE_RUN, "up", "prd-pod-1");
        assertThat(approved.exitCode()).as(approved.all()).isZero();
        assertThat(running("prd-pod-1")).extracting(this::node).contains("zk-1", "master-2", "marathon-3");
    }

    /**
     * The pull-request preview is a prediction; the engine's preview is the truth. For each kind
     * of spec change, both must name the same resources with the same action.
     */
    @Test
    @Order(11)
    void theDiffPredictsExactlyWhatTheEnginePreviews() throws Exception {
        Map<String, UnaryOperator<String>> changes = new java.util.LinkedHashMap<>();
        changes.put("one version bumped", s -> s.replace("spec:\n", "spec:\n  versions: {zookeeper: 3.9.5}\n"));
        changes.put("an agent pool resized", s -> s.replaceFirst("count: 6", "count: 7"));
        changes.put("a label added", s -> s.replaceFirst("labels: \\{", "labels: {owner: sre, "));
        changes.put("an admin CIDR widened", s -> s.replace("adminCidrs: [10.0.0.0/8]", "adminCidrs: [10.0.0.0/7]"));
        String original = Files.readString(dir.resolve("pods/prd-pod-1.yaml"));
        List<String> mismatches = new ArrayList<>();
        int matched = 0;
        for (var change : changes.entrySet()) {
            String edited = change.getValue().apply(original);
            assertThat(edited).as(change.getKey()).isNotEqualTo(original);
            Files.writeString(dir.resolve("pods/prd-pod-1.yaml"), edited);
            try {
                Podctl.Result diff = podctl("diff", "--base", "HEAD", "--output", "json", "--no-cache", "prd-pod-1");
                assertThat(diff.exitCode()).as(diff.all()).isZero();
                Set<String> predicted = new TreeSet<>();
                for (JsonNode pod : JSON.readTree(diff.stdout()).path("pods")) {
                    for (JsonNode r : pod.path("resources")) {
                        predicted.add(r.path("action").asText() + " " + r.path("name").asText());
                    }
                }
                Set<String> previewed = changes(previewJson("prd-pod-1"));
                if (predicted.equals(previewed) && !predicted.isEmpty()) {
                    matched++;
                } else {
                    mismatches.add(change.getKey() + ": diff " + predicted + " but engine " + previewed);
                }
            } finally {
                Files.writeString(dir.resolve("pods/prd-pod-1.yaml"), original);
            }
        }
        System.out.printf("diff predictions matching the engine's preview: %d of %d changes%n", matched, changes.size());
        assertThat(mismatches).isEmpty();
    }

    /**
     * Zones reordered: hosts change zone, so subnets, hosts, routes and the NAT are replaced. The
     * engine's preview can only estimate what follows from a replacement (a replaced subnet's id
     * is unknown until it exists), so here the up itself is the truth: what the diff predicted
     * must be exactly what the up did, resource by resource.
     */
    @Test
    @Order(12)
    void zonesReorderedThePredictionIsWhatTheUpDoes() throws Exception {
        String original = Files.readString(dir.resolve("pods/prd-pod-1.yaml"));
        Files.writeString(dir.resolve("pods/prd-pod-1.yaml"),
                original.replace("[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2b, us-west-2a, us-west-2c]"));
        try {
            Podctl.Result diff = podctl("diff", "--base", "HEAD", "--output", "json", "--no-cache", "prd-pod-1");
            assertThat(diff.exitCode()).as(diff.all()).isZero();
            Set<String> predicted = new TreeSet<>();
            for (JsonNode pod : JSON.readTree(diff.stdout()).path("pods")) {
                pod.path("resources").forEach(r -> predicted.add(r.path("action").asText() + " " + r.path("name").asText()));
            }
            Set<String> previewed = changes(previewJson("prd-pod-1"));
            List<String> volumesBefore = dataVolumes("prd-pod-1").stream().map(v -> v.volumeId()).toList();

            Podctl.Result up = Podctl.run(dir, env, "prd-pod-1\n", ENGINE_RUN, "up", "prd-pod-1");
            assertThat(up.exitCode()).as(up.all()).isZero();
            Set<String> done = finishedSteps(up.stdout());

            // a moved host's data volume is replaced; retainOnDelete keeps the old one in AWS, detached
            long replacedVolumes = done.stream().filter(c -> c.startsWith("replace ") && c.endsWith("-data")).count();
            assertThat(replacedVolumes).as("data volumes the reorder replaced").isPositive();
            var volumesAfter = dataVolumes("prd-pod-1");
            assertThat(volumesAfter.stream().map(v -> v.volumeId())).containsAll(volumesBefore);
            assertThat(volumesAfter.stream().filter(v -> v.attachments().isEmpty())).as("old volumes kept, detached")
                    .hasSize((int) replacedVolumes);

            System.out.println("zones reordered: predicted " + predicted.size() + ", previewed " + previewed.size()
                    + ", done " + done.size() + "; only in the diff " + minus(predicted, done)
                    + ", only in the up " + minus(done, predicted) + ", preview missed " + minus(done, previewed)
                    + ", preview extra " + minus(previewed, done));
            assertThat(predicted).as("the diff's prediction against what the up did").isEqualTo(done);
        } finally {
            Files.writeString(dir.resolve("pods/prd-pod-1.yaml"), original);
        }
    }

    @Test
    @Order(13)
    void destroyRefusesProdWithoutForceAndKeepsTheDataVolumes() {
        Podctl.Result refused = podctl("destroy", "prd-pod-1", "--yes");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(running("prd-pod-1")).isNotEmpty();

        // every data volume there before the destroy (the 9 in use, and any a replacement left) is there after it
        var before = dataVolumes("prd-pod-1");
        assertThat(before.stream().filter(v -> !v.attachments().isEmpty())).as("data volumes of the 9 control hosts").hasSize(9);

        Podctl.Result destroyed = podctl("destroy", "prd-pod-1", "--yes", "--force-prod");
        assertThat(destroyed.exitCode()).as(destroyed.all()).isZero();
        assertThat(running("prd-pod-1")).isEmpty();
        var after = dataVolumes("prd-pod-1");
        assertThat(after.stream().map(v -> v.volumeId())).containsExactlyInAnyOrderElementsOf(
                before.stream().map(v -> v.volumeId()).toList());
        assertThat(ec2.describeVpcs(r -> r.filters(tag("podctl:pod", "prd-pod-1"))).vpcs()).isEmpty();
    }

    @Test
    @Order(20)
    void aSecondUpWhileTheFirstRunsIsToldTheStackIsBusy() throws Exception {
        Process first = Podctl.start(dir, env, null, "up", "not-prod-pod-2", "--yes");
        Path locks = dir.resolve(".podctl/state/.pulumi/locks/organization/podctl/not-prod-pod-2");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // past its preview and into the deployment, which holds the stack lock until it ends
        while (!(Podctl.stdoutSoFar(first).contains("will change") && hasLock(locks)) && System.nanoTime() < deadline
                && first.isAlive()) {
            Thread.sleep(200);
        }
        assertThat(hasLock(locks)).as("the first up holds the stack lock").isTrue();

        Podctl.Result second = podctl("up", "not-prod-pod-2", "--yes");
        Podctl.Result firstResult = Podctl.await(first, ENGINE_RUN, "up", "not-prod-pod-2");

        assertThat(firstResult.exitCode()).as(firstResult.all()).isZero();
        assertThat(second.exitCode()).as(second.all()).isEqualTo(3);
        assertThat(second.stderr()).contains("pod not-prod-pod-2's stack is busy");
        assertThat(previewJson("not-prod-pod-2").get("resources")).isEmpty();
    }

    @Test
    @Order(21)
    void aTimedOutUpLeavesAStackTheNextUpCompletes() throws Exception {
        edit("not-prod-pod-2.yaml", s -> s.replace("spec:\n", "spec:\n  versions: {zookeeper: 3.9.5}\n"));

        Podctl.Result cut = podctl("up", "not-prod-pod-2", "--yes", "--timeout", "45s");
        assertThat(cut.exitCode()).as(cut.all()).isEqualTo(1);
        assertThat(cut.stderr()).contains("did not finish within 45.0s");

        Podctl.Result next = podctl("up", "not-prod-pod-2", "--yes");
        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(previewJson("not-prod-pod-2").get("resources")).isEmpty();
        // every node runs the new version; an instance the cut run launched but never recorded
        // (a create in flight when it was ended) cannot be known to the engine: status must name it
        List<Instance> controls = running("not-prod-pod-2").stream().filter(i -> node(i).startsWith("control-")).toList();
        assertThat(controls.stream().map(this::node).distinct()).containsExactlyInAnyOrder("control-1", "control-2", "control-3");
        Podctl.Result status = podctl("status", "not-prod-pod-2");
        assertThat(status.stdout()).doesNotContain("missing:", "drifted:");
        assertThat(status.stdout().lines().filter(l -> l.startsWith("extra: "))).hasSize(controls.size() - 3);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Podctl.Result podctl(String... args) {
        return Podctl.run(dir, env, null, ENGINE_RUN, args);
    }

    private JsonNode previewJson(String pod) throws IOException {
        Podctl.Result r = podctl("preview", pod, "--output", "json");
        assertThat(r.exitCode()).as(r.all()).isZero();
        return JSON.readTree(r.stdout());
    }

    private static Set<String> changes(JsonNode preview) {
        Set<String> set = new TreeSet<>();
        preview.path("resources").forEach(r -> set.add(r.path("action").asText() + " " + r.path("name").asText()));
        return set;
    }

    /** The up's finished resource steps, from its progress lines ("  ~ update  TYPE  NAME  (1.2s)"). */
    private static Set<String> finishedSteps(String upOutput) {
        Set<String> steps = new TreeSet<>();
        var line = java.util.regex.Pattern.compile("^\\s+\\S+ (\\S+)\\s+\\S+\\s+(\\S+)\\s+\\(\\d+\\.\\ds\\)$");
        upOutput.lines().map(line::matcher).filter(java.util.regex.Matcher::matches)
                .forEach(m -> steps.add(action(m.group(1)) + " " + m.group(2)));
        return steps;
    }

    /** The control hosts' EBS data volumes (root volumes carry the pod's tags too). */
    private List<software.amazon.awssdk.services.ec2.model.Volume> dataVolumes(String pod) {
        return ec2.describeVolumes(r -> r.filters(tag("podctl:pod", pod))).volumes().stream()
                .filter(v -> v.tags().stream().anyMatch(t -> t.key().equals("Name") && t.value().endsWith("-data"))).toList();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static String action(String pulumiOp) {
        return switch (pulumiOp) {
            case "replace", "create-replacement", "delete-replaced" -> "replace";
            default -> pulumiOp;
        };
    }

    private List<Instance> running(String pod) {
        return ec2.describeInstances(r -> r.filters(tag("podctl:pod", pod),
                        Filter.builder().name("instance-state-name").values("pending", "running").build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).collect(Collectors.toList());
    }

    /** Instance ids by node (control hosts) or by instance id (agents, which have no fixed node). */
    private Map<String, String> instanceIds(String pod) {
        Map<String, String> ids = new java.util.TreeMap<>();
        for (Instance i : running(pod)) {
            String node = tagValue(i, "podctl:node");
            ids.put(node.isEmpty() ? "agent " + i.instanceId() : node, i.instanceId());
        }
        return ids;
    }

    private String node(Instance i) {
        String node = tagValue(i, "podctl:node");
        return node.isEmpty() ? tagValue(i, "aws:autoscaling:groupName") : node;
    }

    private static String tagValue(Instance i, String key) {
        return i.tags().stream().filter(t -> t.key().equals(key)).map(t -> t.value()).findFirst().orElse("");
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    private static boolean hasLock(Path locks) throws IOException {
        if (!Files.isDirectory(locks)) {
            return false;
        }
        try (var files = Files.walk(locks)) {
            return files.anyMatch(f -> f.toString().endsWith(".json"));
        }
    }

    private void edit(String podFile, UnaryOperator<String> change) throws IOException {
        Path file = dir.resolve("pods").resolve(podFile);
        Files.writeString(file, change.apply(Files.readString(file)));
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
