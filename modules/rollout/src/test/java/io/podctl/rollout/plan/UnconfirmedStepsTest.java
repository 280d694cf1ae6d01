package io.podctl.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.NodeVersions;
import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.StepRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnconfirmedStepsTest {

    static final Instant AT = Instant.parse("2025-06-07T03:00:00Z");

    static JournalState journal(StepRecord.StepStatus status, String node, String action, String version, String role) {
        return JournalState.empty("test").with(new StepRecord("pod-1/" + role + "/" + node + "/" + action + "@" + version, "pod-1",
                node, action, version, status, AT, status == StepRecord.StepStatus.STARTED ? null : AT, "failed at step 2"), AT);
    }

    @Test
    void sharedHostWhoseGateFailedStaysInThePlanForEveryRoleItMoved() {
        // a Pulumi up moved the whole host (its outputs say so) before its gate failed
        Map<String, NodeVersions> deployed = Map.of(
                "control-2", new NodeVersions("3.9.5", "1.11.0", "1.11.24"),
                "control-3", new NodeVersions("3.8.4", "1.11.0", "1.11.24"));
        JournalState journal = journal(StepRecord.StepStatus.FAILED, "control-2", "upgrade-host",
                "zookeeper=3.9.5,mesos=1.11.0,marathon=1.11.24", "zookeeper");

        Map<String, NodeVersions> overlaid = UnconfirmedSteps.overlay(journal, "pod-1", deployed);

        assertThat(overlaid.get("control-2")).isEqualTo(new NodeVersions("3.9.5 (unconfirmed)", "1.11.0 (unconfirmed)",
                "1.11.24 (unconfirmed)"));
        assertThat(overlaid.get("control-3")).isEqualTo(deployed.get("control-3"));
    }

    @Test
    void sharedHostStepThatDidNotMoveTheHostChangesNothing() {
        Map<String, NodeVersions> deployed = Map.of("control-2", new NodeVersions("3.8.4", "1.11.0", "1.11.24"));
        JournalState journal = journal(StepRecord.StepStatus.STARTED, "control-2", "upgrade-host",
                "zookeeper=3.9.5,mesos=1.11.0,marathon=1.11.24", "zookeeper");

        Map<String, NodeVersions> overlaid = UnconfirmedSteps.overlay(journal, "pod-1", deployed);

        // the host was not moved (it still runs ZooKeeper 3.8.4): the plan lists it anyway, nothing is in doubt
        assertThat(overlaid).isEqualTo(deployed);
    }

    @Test
    void hostStepThatPassedItsGateIsConfirmed() {
        Map<String, NodeVersions> deployed = Map.of("control-2", new NodeVersions("3.9.5", "1.11.0", "1.11.24"));
        JournalState journal = journal(StepRecord.StepStatus.DONE, "control-2", "upgrade-host",
                "zookeeper=3.9.5,mesos=1.11.0,marathon=1.11.24", "zookeeper");

        assertThat(UnconfirmedSteps.overlay(journal, "pod-1", deployed)).isEqualTo(deployed);
    }
}
