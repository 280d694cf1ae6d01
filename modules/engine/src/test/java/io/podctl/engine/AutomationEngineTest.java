package io.podctl.engine;

import static com.pulumi.automation.OperationType.CREATE;
import static com.pulumi.automation.OperationType.SAME;
import static com.pulumi.automation.OperationType.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Automation API adapter driven through a fake pulumi CLI that records what it is asked. */
class AutomationEngineTest {

    private static final String PASSPHRASE = "correct-horse-battery";
    private static final String AWS_INSTANCE = "aws:ec2/instance:Instance";

    @TempDir
    Path root;

    private final FakePulumi pulumi = new FakePulumi();

    /** The engine's PULUMI_HOME: empty, so the plugins this machine has installed do not count. */
    @TempDir
    Path pulumiHome;

    private AutomationEngine engine(Optional<URI> endpoint, Duration timeout) {
        return new AutomationEngine(new EngineSettings(root, null, PASSPHRASE, endpoint, timeout)
                .withProviderEnvironment(java.util.Map.of("PULUMI_HOME", pulumiHome.toString())), pulumi);
    }

    private AutomationEngine engine() {
        return engine(Optional.empty(), Duration.ofSeconds(30));
    }

    private static PodStack pod(String name) {
        return new PodStack(name, "us-west-2", ctx -> {});
    }

    @Test
    void eachPodRunsInItsOwnWorkDirectoryOnItsOwnStack() {
        AutomationEngine engine = engine();

        engine.preview(pod("pod-a"), ProgressListener.NONE);
        engine.preview(pod("pod-b"), ProgressListener.NONE);

        Path dirA = root.resolve(".podctl/work/pod-a");
        Path dirB = root.resolve(".podctl/work/pod-b");
        assertThat(dirA).isDirectory();
        assertThat(dirB).isDirectory();
        assertThat(pulumi.calls("stack", "init")).extracting(c -> c.stack() + "@" + c.workDir())
                .containsExactly("pod-a@" + dirA, "pod-b@" + dirB);
        // operations carry no --stack: the directory decides which stack a preview acts on
        assertThat(pulumi.calls("preview")).extracting(FakePulumi.Call::workDir).containsExactly(dirA, dirB);
        assertThat(pulumi.calls("preview")).allSatisfy(c -> assertThat(c.args()).doesNotContain("--stack"));
    }

    @Test
    void aSecondRunSelectsTheExistingStackInsteadOfCreatingIt() {
        AutomationEngine engine = engine();

        engine.preview(pod("pod-a"), ProgressListener.NONE);
        engine.preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(pulumi.calls("stack", "init")).hasSize(1);
        assertThat(pulumi.calls("stack", "select")).hasSize(2);
    }

    @Test
    void theProviderEnvironmentReachesEveryEngineProcessButCannotMoveTheState() {
        var settings = new EngineSettings(root, null, PASSPHRASE, Optional.empty(), Duration.ofSeconds(30))
                .withProviderEnvironment(java.util.Map.of("AWS_PROFILE", "platform-ops", "PULUMI_BACKEND_URL", "file:///elsewhere"));

        new AutomationEngine(settings, pulumi).preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(pulumi.calls("preview").get(0).env())
                .containsEntry("AWS_PROFILE", "platform-ops")
                .containsEntry("PULUMI_BACKEND_URL", "file://" + root.toAbsolutePath() + "/.podctl/state");
        assertThat(settings.toString()).contains("AWS_PROFILE").doesNotContain("platform-ops");
    }

    @Test
    void stateGoesToTheFileBackendWithThePassphraseInTheEnvironmentOnly() {
        engine().preview(pod("pod-a"), ProgressListener.NONE);

        FakePulumi.Call preview = pulumi.calls("preview").get(0);
        assertThat(preview.env())
                .containsEntry("PULUMI_BACKEND_URL", "file://" + root.toAbsolutePath() + "/.podctl/state")
                .containsEntry("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)
                .containsEntry("PULUMI_SKIP_UPDATE_CHECK", "true");
        assertThat(pulumi.calls()).allSatisfy(c -> assertThat(String.join(" ", c.args())).doesNotContain(PASSPHRASE));
    }

    @Test
    void theAwsPluginIsInstalledOnceBeforeTheFirstOperation() {
        AutomationEngine engine = engine();

        engine.preview(pod("pod-a"), ProgressListener.NONE);
        engine.up(pod("pod-a"), ProgressListener.NONE);

        List<String> commands = pulumi.calls().stream().map(c -> String.join(" ", c.args())).toList();
        assertThat(commands.stream().filter(c -> c.startsWith("plugin install"))).containsExactly("plugin install resource aws v6.83.0");
        int install = indexOf(commands, "plugin install");
        assertThat(install).isLessThan(indexOf(commands, "preview"));
    }

    @Test
    void aRegisteredAwsPluginIsUsedWithoutInstalling() {
        pulumi.plugins("[{\"name\":\"aws\",\"kind\":\"resource\",\"version\":\"6.83.0\",\"size\":1}]");

        engine().preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(pulumi.calls("plugin", "install")).isEmpty();
        assertThat(pulumi.calls("preview").get(0).env()).containsEntry("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
    }

    @Test
    void anInstalledAwsPluginIsFoundInThePluginFolderWithoutAskingTheCli() throws IOException {
        Path plugin = Files.createDirectories(pulumiHome.resolve("plugins/resource-aws-v6.83.0")).resolve("pulumi-resource-aws");
        Files.writeString(plugin, "#!/bin/sh\n");
        plugin.toFile().setExecutable(true);

        engine().preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(pulumi.calls("plugin")).isEmpty();
    }

    @Test
    void aPluginWhoseInstallIsUnfinishedIsCheckedWithTheCli() throws IOException {
        Path plugin = Files.createDirectories(pulumiHome.resolve("plugins/resource-aws-v6.83.0")).resolve("pulumi-resource-aws");
        Files.writeString(plugin, "#!/bin/sh\n");
        plugin.toFile().setExecutable(true);
        Files.writeString(pulumiHome.resolve("plugins/resource-aws-v6.83.0.partial"), "");

        engine().preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(pulumi.calls("plugin", "ls")).hasSize(1);
        assertThat(pulumi.calls("plugin", "install")).hasSize(1);
    }

    @Test
    void aMissingProviderThatCannotBeDownloadedIsASetupErrorBeforeAnyOperation() {
        pulumi.pluginDownloadFails();

        assertThatThrownBy(() -> engine().up(pod("pod-a"), ProgressListener.NONE))
                .isInstanceOf(EngineSetupException.class)
                .hasMessageStartingWith("the Pulumi aws provider plugin 6.83.0 is not installed and could not be installed")
                .hasMessageContaining("pulumi plugin install resource aws v6.83.0");
        assertThat(pulumi.operations()).isEmpty();
    }

    @Test
    void theFileBackendFolderIsCreatedBeforeTheCliNeedsIt() {
        engine().preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(root.resolve(".podctl/state")).isDirectory();
    }

    @Test
    void aLockedStackIsReportedAsBusyNotAsAFailure() {
        pulumi.failIn("up", "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es)"
                + " to end or delete the lock file with `pulumi cancel`.");

        assertThatThrownBy(() -> engine().up(pod("pod-a"), ProgressListener.NONE))
                .isInstanceOf(StackBusy.class)
                .hasMessageStartingWith("pod pod-a's stack is busy");
    }

    @Test
    void aWrongPassphraseIsASetupErrorInOneSentence() {
        pulumi.failIn("preview", "error: getting secrets manager: constructing secrets manager of type \"passphrase\":"
                + " incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase");

        assertThatThrownBy(() -> engine().preview(pod("pod-a"), ProgressListener.NONE))
                .isInstanceOf(EngineSetupException.class)
                .hasMessage("PODCTL_PASSPHRASE does not decrypt the secrets of pod pod-a's stack: set it to the passphrase"
                        + " the stack was created with; nothing was changed");
    }

    @Test
    void aFailedResourceIsOneLineWithItsTypeAndName() {
        assertThat(EngineEvents.resourceError("urn:pulumi:pod-a::podctl::podctl:pod:Pod$aws:ec2/instance:Instance::pod-a-control-1",
                "creating EC2 Instance: operation error EC2: RunInstances, api error InvalidParameterValue\n  details"))
                .isEqualTo("aws:ec2/instance:Instance pod-a-control-1: creating EC2 Instance: operation error EC2: RunInstances,"
                        + " api error InvalidParameterValue");
    }

    @Test
    void theRegionIsStackConfigAndAnEndpointOverrideReachesTheProvider() {
        engine(Optional.of(URI.create("http://127.0.0.1:5000")), Duration.ofSeconds(30)).preview(pod("pod-a"), ProgressListener.NONE);

        List<String> config = pulumi.calls("config", "set-all").get(0).args();
        assertThat(config).contains("--path", "aws:region=us-west-2", "aws:skipCredentialsValidation=true",
                "aws:skipRequestingAccountId=false", "aws:s3UsePathStyle=true");
        // the override is the provider's environment, for every service, not an endpoints block it validates slowly
        assertThat(String.join(" ", config)).doesNotContain("endpoints");
        assertThat(pulumi.calls()).allSatisfy(call -> assertThat(call.env()).containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
    }

    @Test
    void aStackWhoseFileHoldsItsSettingsIsNotConfiguredAgain() throws IOException {
        Path settings = Files.createDirectories(root.resolve(".podctl/work/pod-a")).resolve("Pulumi.pod-a.yaml");
        Files.writeString(settings, "config:\n  aws:region: us-west-2\n");

        engine().preview(pod("pod-a"), ProgressListener.NONE);
        assertThat(pulumi.calls("config", "set-all")).isEmpty();

        Files.writeString(settings, "config:\n  aws:region: eu-west-1\n");
        engine().preview(pod("pod-a"), ProgressListener.NONE);
        assertThat(pulumi.calls("config", "set-all")).hasSize(1);
    }

    @Test
    void withoutAnEndpointTheProviderTalksToAws() {
        engine().preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(String.join(" ", pulumi.calls("config", "set-all").get(0).args())).contains("aws:region=us-west-2").doesNotContain("endpoints");
        assertThat(pulumi.calls("preview").get(0).env()).doesNotContainKey("AWS_ENDPOINT_URL");
    }

    @Test
    void previewCountsChangesAndListsEveryResourceStep() {
        pulumi.steps("preview", FakePulumi.Step.of(CREATE, "aws:ec2/vpc:Vpc", "pod-a-vpc"),
                FakePulumi.Step.of(UPDATE, AWS_INSTANCE, "pod-a-zk-1"), FakePulumi.Step.of(SAME, AWS_INSTANCE, "pod-a-zk-2"));

        StackResult result = engine().preview(pod("pod-a"), ProgressListener.NONE);

        assertThat(result.changes().count(ResourceOp.CREATE)).isEqualTo(1);
        assertThat(result.changes().count(ResourceOp.UPDATE)).isEqualTo(1);
        assertThat(result.changes().count(ResourceOp.SAME)).isEqualTo(1);
        assertThat(result.changes().hasChanges()).isTrue();
        assertThat(result.changes().steps()).extracting(ResourceStep::name).containsExactly("pod-a-vpc", "pod-a-zk-1", "pod-a-zk-2");
    }

    @Test
    void upReturnsTheStackOutputsAsStrings() {
        pulumi.steps("up", FakePulumi.Step.of(CREATE, "aws:ec2/vpc:Vpc", "pod-a-vpc"));

        StackResult result = engine().up(pod("pod-a"), ProgressListener.NONE);

        assertThat(result.outputs()).containsEntry("zookeeperConnect", "zk-1.a.pod.internal:2181");
        assertThat(result.changes().count(ResourceOp.CREATE)).isEqualTo(1);
        assertThat(pulumi.calls("up").get(0).args()).contains("--yes", "--skip-preview");
    }

    @Test
    void aFailedOperationSaysWhichPodAndWhatTheCliReported() {
        pulumi.failIn("up");

        assertThatThrownBy(() -> engine().up(pod("pod-a"), ProgressListener.NONE))
                .isInstanceOf(EngineFailure.class)
                .hasMessageContaining("up of pod pod-a failed")
                .hasMessageContaining("InvalidAMIID.NotFound");
    }

    @Test
    void anOperationPastItsTimeLimitIsCancelledAndLeavesNoPulumiProcess() throws IOException {
        Path child = root.resolve("pulumi");
        Files.copy(Path.of(sleepBinary()), child, StandardCopyOption.COPY_ATTRIBUTES);
        pulumi.blockIn("preview", child);
        long started = System.nanoTime();

        assertThatThrownBy(() -> engine(Optional.empty(), Duration.ofMillis(1500)).preview(pod("pod-a"), ProgressListener.NONE))
                .isInstanceOf(EngineTimeout.class)
                .hasMessageContaining("preview of pod pod-a did not finish within 1.5s");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(ProcessHandle.current().descendants().filter(PulumiProcesses::isPulumi).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void outputsAreReadWithoutRunningAnOperation() {
        AutomationEngine engine = engine();
        engine.preview(pod("pod-a"), ProgressListener.NONE);
        int operations = pulumi.operations().size();

        assertThat(engine.outputs(pod("pod-a"))).containsEntry("zookeeperConnect", "zk-1.a.pod.internal:2181");
        assertThat(pulumi.operations()).hasSize(operations);
    }

    @Test
    void outputsOfAPodNeverDeployedCreateNoStack() {
        assertThatThrownBy(() -> engine().outputs(pod("pod-new")))
                .isInstanceOf(StackNotFound.class)
                .hasMessage("pod pod-new has no stack yet (never deployed): 'podctl up pod-new' creates it");
        assertThat(pulumi.calls("stack", "init")).isEmpty();
    }

    private static String sleepBinary() {
        return Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
    }

    private static int indexOf(List<String> commands, String prefix) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
