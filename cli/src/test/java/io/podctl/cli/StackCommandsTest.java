package io.podctl.cli;

import static com.pulumi.automation.OperationType.CREATE;
import static com.pulumi.automation.OperationType.SAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.engine.AutomationEngine;
import io.podctl.engine.EngineSettings;
import io.podctl.engine.FakePulumi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** preview/up/destroy rules (questions, --yes, prod protections) over the engine with a fake pulumi CLI. */
class StackCommandsTest {

    @TempDir
    Path repo;

    private final FakePulumi pulumi = new FakePulumi();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fleet() throws IOException {
        Path pods = Files.createDirectories(repo.resolve("pods"));
        Path source = Path.of(System.getProperty("podctl.root", "..")).resolve("pods");
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, pods.resolve(f.getFileName()));
            }
        }
        pulumi.steps("preview", FakePulumi.Step.of(CREATE, "aws:ec2/vpc:Vpc", "vpc"), FakePulumi.Step.of(SAME, "aws:iam/role:Role", "role"));
    }

    /** What AWS holds for the pod now; nothing unless a test deploys something. */
    private EngineSessions.DeployedSubnets deployedSubnets = (plan, options) -> List.of();

    private int run(String stdin, Object command, String... args) {
        EngineSessions sessions = new EngineSessions(
                options -> new AutomationEngine(new EngineSettings(repo, null, "pass", Optional.empty(), Duration.ofSeconds(30)), pulumi),
                () -> new BufferedReader(new StringReader(stdin)), deployedSubnets);
        Object instance = switch ((String) command) {
            case "up" -> new UpCommand(sessions);
            case "destroy" -> new DestroyCommand(sessions);
            case "preview" -> new PreviewCommand(sessions);
            default -> throw new IllegalArgumentException((String) command);
        };
        CommandLine cli = new CommandLine(instance);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("podctl: " + e.getMessage());
            return e instanceof UserError u ? u.exitCode() : ExitCode.FAILED;
        });
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--pods";
        all[args.length + 1] = repo.resolve("pods").toString();
        return cli.execute(all);
    }

    @Test
    void upPreviewsThenAnythingButYesAbortsWithExitThree() {
        assertThat(run("n\n", "up", "not-prod-pod-1")).isEqualTo(ExitCode.WAITING);

        assertThat(pulumi.operations()).containsExactly("preview");
        assertThat(out.toString()).contains("  + create", "Do you want to update pod not-prod-pod-1? [y/N]");
        assertThat(err.toString()).contains("update of pod not-prod-pod-1 not approved");
    }

    @Test
    void upAppliesAfterYes() {
        assertThat(run("y\n", "up", "not-prod-pod-1")).isEqualTo(ExitCode.OK);

        assertThat(pulumi.operations()).containsExactly("preview", "up");
        assertThat(out.toString()).contains("zookeeperConnect = zk-1.a.pod.internal:2181");
    }

    @Test
    void closedStdinIsNoApproval() {
        assertThat(run("", "up", "not-prod-pod-1")).isEqualTo(ExitCode.WAITING);
        assertThat(pulumi.operations()).containsExactly("preview");
    }

    @Test
    void aProdPodNeedsItsNameTypedAndYIsNotEnough() {
        assertThat(run("y\n", "up", "prd-pod-1")).isEqualTo(ExitCode.WAITING);
        assertThat(out.toString()).contains("Pod prd-pod-1 is a PROD pod. Type its name to update it:");

        assertThat(run("prd-pod-1\n", "up", "prd-pod-1")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("preview", "preview", "up");
    }

    @Test
    void yesSkipsTheQuestionEvenForProd() {
        assertThat(run("", "up", "prd-pod-1", "--yes")).isEqualTo(ExitCode.OK);

        assertThat(pulumi.operations()).containsExactly("preview", "up");
        assertThat(out.toString()).doesNotContain("Type its name");
    }

    @Test
    void movingAPodToAnotherZoneIsRefusedBeforeTheEngineRuns() throws IOException {
        // deployed in us-west-2a: its subnets hold the ranges the new zone's subnets would take
        io.podctl.plan.PodPlan deployed = io.podctl.plan.PodPlanner.plan(Pods.find(repo.resolve("pods"), "not-prod-pod-1"));
        deployedSubnets = (plan, options) -> java.util.stream.Stream.concat(deployed.network().subnets().stream(),
                        java.util.stream.Stream.of(deployed.network().egressSubnet()))
                .map(s -> new io.podctl.plan.SubnetClash.DeployedSubnet("subnet-" + s.cidr(), s.zone(), s.cidr())).toList();
        Path spec = repo.resolve("pods/not-prod-pod-1.yaml");
        Files.writeString(spec, Files.readString(spec).replace("zones: [us-west-2a]", "zones: [us-west-2b]"));

        assertThat(run("", "up", "not-prod-pod-1", "--yes")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(pulumi.operations()).isEmpty();
        assertThat(err.toString()).contains("pod not-prod-pod-1 cannot move to other zones in place: the subnet for us-west-2b would take 10.20.0.0/22,"
                + " which subnet subnet-10.20.0.0/22 in us-west-2a holds", "nothing was changed");
    }

    @Test
    void zonesListedInAnotherOrderAreNotAMove() throws IOException {
        io.podctl.plan.PodPlan deployed = io.podctl.plan.PodPlanner.plan(Pods.find(repo.resolve("pods"), "prd-pod-1"));
        deployedSubnets = (plan, options) -> deployed.network().subnets().stream()
                .map(s -> new io.podctl.plan.SubnetClash.DeployedSubnet("subnet-" + s.cidr(), s.zone(), s.cidr())).toList();
        Path spec = repo.resolve("pods/prd-pod-1.yaml");
        Files.writeString(spec, Files.readString(spec).replace("[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2c, us-west-2a, us-west-2b]"));

        assertThat(run("", "up", "prd-pod-1", "--yes")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("preview", "up");
    }

    @Test
    void nothingToChangeAsksNothing() {
        pulumi.steps("preview", FakePulumi.Step.of(SAME, "aws:iam/role:Role", "role"));

        assertThat(run("", "up", "not-prod-pod-1")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("preview");
        assertThat(out.toString()).contains("pod not-prod-pod-1 is up to date");
    }

    @Test
    void destroyRefusesAProdPodWithoutForceProdBeforeRunningAnything() {
        assertThat(run("prd-pod-1\n", "destroy", "prd-pod-1", "--yes")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(pulumi.calls()).isEmpty();
        assertThat(err.toString()).contains("prd-pod-1 is a prod pod: destroy refuses it without --force-prod");
    }

    @Test
    void destroyReadsTheDeployedTierSoEditingTheSpecDoesNotUnlockIt() throws IOException {
        deployed("not-prod-pod-1");
        Path spec = repo.resolve("pods/not-prod-pod-1.yaml");
        assertThat(Files.readString(spec)).contains("tier: not-prod");
        pulumi.outputs("{\"pod\":\"not-prod-pod-1\",\"tier\":\"prod\"}"); // deployed as prod, spec edited since

        assertThat(run("", "destroy", "not-prod-pod-1", "--yes")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.toString()).contains("pod not-prod-pod-1 is deployed as prod (its stack's tier output)");
        assertThat(pulumi.operations()).isEmpty();
        pulumi.outputs("{\"pod\":\"not-prod-pod-1\",\"tier\":\"not-prod\"}");
        assertThat(run("", "destroy", "not-prod-pod-1", "--yes")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("destroy");
    }

    @Test
    void destroyOfAPodNeverDeployedSaysSoAndRunsNothing() {
        assertThat(run("", "destroy", "not-prod-pod-1", "--yes")).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).contains("pod not-prod-pod-1 was never deployed (it has no stack): nothing to destroy");
        assertThat(pulumi.operations()).isEmpty();
        assertThat(pulumi.calls("stack", "init")).isEmpty();
    }

    private void deployed(String pod) {
        pulumi.existingStack(repo.resolve(".podctl/work").resolve(pod).toAbsolutePath().normalize(), pod);
    }

    @Test
    void destroyOfAProdPodWithForceProdStillWantsItsName() {
        assertThat(run("y\n", "destroy", "prd-pod-1", "--force-prod")).isEqualTo(ExitCode.WAITING);
        assertThat(pulumi.operations()).isEmpty();

        assertThat(run("prd-pod-1\n", "destroy", "prd-pod-1", "--force-prod")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("destroy");
    }

    @Test
    void destroyKeepsDataVolumesUnlessDeleteDataWhichFirstReleasesThem() {
        deployed("not-prod-pod-1");
        assertThat(run("", "destroy", "not-prod-pod-1", "--yes")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("destroy");
        assertThat(out.toString()).contains("data volumes were kept in AWS");

        assertThat(run("", "destroy", "not-prod-pod-1", "--yes", "--delete-data")).isEqualTo(ExitCode.OK);
        assertThat(pulumi.operations()).containsExactly("destroy", "up", "destroy");
    }

    @Test
    void anUnknownPodIsExitTwoWithTheKnownPods() {
        assertThat(run("", "preview", "nope")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.toString()).contains("no pod named 'nope'", "known pods: not-prod-pod-1, not-prod-pod-2, prd-pod-1, prd-pod-2");
        assertThat(pulumi.calls()).isEmpty();
    }

    @Test
    void eachPodKeepsItsOwnWorkDirectory() {
        run("", "preview", "not-prod-pod-1");
        run("", "preview", "not-prod-pod-2");

        assertThat(pulumi.calls("preview")).extracting(FakePulumi.Call::workDir)
                .containsExactly(repo.resolve(".podctl/work/not-prod-pod-1"), repo.resolve(".podctl/work/not-prod-pod-2"));
        assertThat(List.of(Files.isDirectory(repo.resolve(".podctl/work/not-prod-pod-1")))).containsExactly(true);
    }
}
