package io.podctl.aws.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class InventoryDiffTest {

    private static final ExpectedNode ZK1 = new ExpectedNode("zk-1", "zookeeper", "3.9.5");

    @Test
    void plannedNodesOnTheirVersionAreInSync() {
        InventoryDiff diff =
                InventoryDiff.compare(
                        List.of(ZK1), List.of(instance("i-1", "zk-1", "3.9.5", "running")));

        assertThat(diff.inSync()).isTrue();
    }

    @Test
    void instanceWithoutVersionTagCountsAsDrifted() {
        PodInstance untagged =
                new PodInstance(
                        "i-1",
                        "us-west-2a",
                        "running",
                        Optional.empty(),
                        Optional.of("zookeeper"),
                        Optional.of("zk-1"),
                        Optional.empty());

        InventoryDiff diff = InventoryDiff.compare(List.of(ZK1), List.of(untagged));

        assertThat(diff.drifted())
                .singleElement()
                .satisfies(d -> assertThat(d.actualVersion()).isEqualTo("(untagged)"));
    }

    @Test
    void duringReplacementTheUpgradedInstanceStandsForTheNodeAndTheOldIsExtra() {
        PodInstance old = instance("i-old", "zk-1", "3.8.4", "running");
        PodInstance fresh = instance("i-new", "zk-1", "3.9.5", "pending");

        InventoryDiff diff = InventoryDiff.compare(List.of(ZK1), List.of(old, fresh));

        assertThat(diff.drifted()).isEmpty();
        assertThat(diff.extra()).containsExactly(old);
    }

    @Test
    void runningInstancePreferredWhenNeitherIsOnVersion() {
        PodInstance stopped = instance("i-a", "zk-1", "3.8.4", "stopped");
        PodInstance running = instance("i-b", "zk-1", "3.8.4", "running");

        InventoryDiff diff = InventoryDiff.compare(List.of(ZK1), List.of(stopped, running));

        assertThat(diff.drifted())
                .singleElement()
                .satisfies(d -> assertThat(d.actual()).isEqualTo(running));
        assertThat(diff.extra()).containsExactly(stopped);
    }

    private static PodInstance instance(String id, String node, String version, String state) {
        return new PodInstance(
                id,
                "us-west-2a",
                state,
                Optional.of("10.0.0.1"),
                Optional.of("zookeeper"),
                Optional.of(node),
                Optional.of(version));
    }
}
