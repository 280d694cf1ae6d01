package io.podctl.engine;

import static com.pulumi.automation.OperationType.CREATE;
import static com.pulumi.automation.OperationType.SAME;
import static com.pulumi.automation.OperationType.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine events, as the fake CLI emits them, rendered as one line per resource operation. */
class ProgressLinesTest {

    @TempDir
    Path root;

    private final FakePulumi pulumi = new FakePulumi();
    private final StringWriter printed = new StringWriter();
    /** Every reading moves 1.5 s on, so each operation shows a known elapsed time. */
    private final AtomicLong nanos = new AtomicLong();

    private AutomationEngine engine() {
        return new AutomationEngine(new EngineSettings(root, null, "pass", Optional.empty(), Duration.ofSeconds(30)), pulumi,
                () -> nanos.getAndAdd(1_500_000_000L));
    }

    @Test
    void eachResourceOperationIsOneLineWithItsElapsedTimeAndTheRunEndsWithTheCounts() {
        pulumi.steps("up", FakePulumi.Step.of(CREATE, "aws:ec2/vpc:Vpc", "a-vpc"),
                FakePulumi.Step.of(SAME, "aws:iam/role:Role", "a-role"),
                new FakePulumi.Step(UPDATE, "aws:ec2/instance:Instance", "a-zk-1", true));

        engine().up(new PodStack("a", "us-west-2", ctx -> {}), new ProgressLines(new PrintWriter(printed)));

        assertThat(printed.toString().lines()).containsExactly(
                "  + create             aws:ec2/vpc:Vpc  a-vpc  (1.5s)",
                "  ! update             aws:ec2/instance:Instance  a-zk-1  FAILED  (1.5s)",
                "summary: 1 create, 1 same (7s)");
    }

    @Test
    void aPreviewListsPlannedChangesWithoutTimes() {
        pulumi.steps("preview", FakePulumi.Step.of(CREATE, "aws:ec2/vpc:Vpc", "a-vpc"),
                FakePulumi.Step.of(SAME, "aws:iam/role:Role", "a-role"));

        engine().preview(new PodStack("a", "us-west-2", ctx -> {}), new ProgressLines(new PrintWriter(printed)));

        assertThat(printed.toString().lines()).containsExactly(
                "  + create             aws:ec2/vpc:Vpc  a-vpc",
                "summary: 1 create, 1 same (7s)");
    }
}
