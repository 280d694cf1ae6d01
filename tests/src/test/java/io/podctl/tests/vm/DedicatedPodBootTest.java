package io.podctl.tests.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import io.podctl.aws.boot.BootMarker;
import io.podctl.aws.boot.BootMarkers;
import io.podctl.plan.Role;
import io.podctl.rollout.health.SrvrReply;
import io.podctl.rollout.health.ZooKeeperMode;
import io.podctl.spec.SpecFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three ZooKeeper hosts of the dedicated prod pod, booted as VMs from the user data podctl
 * renders for each (see {@link VmPod}), in the pod's three zones and subnets. They install
 * ZooKeeper only, so every step must succeed: a finished boot marker, a quorum of the pod's
 * version, and systemd with nothing failed and nothing restarted.
 */
@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DedicatedPodBootTest {
    static final String POD = "prd-pod-1";
    private static final Duration MARKER_DEADLINE = Duration.ofMinutes(4);

    private final AwsContext aws;
    private final MotoEndpoint moto;
    private VmPod pod;

    DedicatedPodBootTest(AwsContext aws, MotoEndpoint moto) {
        this.aws = aws;
        this.moto = moto;
    }

    @BeforeAll
    void bootTheZooKeeperHosts() throws Exception {
        pod = VmPod.prepare(aws, moto, POD, host -> host.runs(Role.ZOOKEEPER));
        pod.bootToQuorum();
    }

    @AfterAll
    void stopThem() {
        if (pod != null) {
            pod.stop();
        }
    }

    @Test
    @Order(1)
    void threeZooKeeperOnlyHostsBootInTheirZonesAndCloudInitIsDone() {
        assertThat(pod.vms()).extracting(vm -> vm.host().node()).containsExactly("zk-1", "zk-2", "zk-3");
        assertThat(pod.vms()).extracting(vm -> vm.host().zone()).doesNotHaveDuplicates();
        for (PodVm vm : pod.vms()) {
            assertThat(vm.host().roles()).isEqualTo(Set.of(Role.ZOOKEEPER));
            assertThat(vm.host().userData()).as("a dedicated host's user data")
                    .doesNotContain("podctl-install-mesos", "mesos-master.service", "podctl-install-marathon", "marathon.service");
            assertThat(vm.probe("cloud-init")).as(vm.host().node() + "\n" + vm.tail(40)).contains("done");
        }
    }

    @Test
    @Order(2)
    void theDataVolumeIsFormattedOnceAndMountedOnEveryHost() {
        for (PodVm vm : pod.vms()) {
            String node = vm.host().node() + "\n" + vm.tail(40);
            assertThat(vm.probe("mount").orElse("")).as(node).matches(PodVm.DATA_VOLUME_MOUNT);
            // one filesystem all along (a second mkfs makes a new UUID), mounted once since it was made
            assertThat(vm.reports("mount").stream().filter(m -> !m.isEmpty()).distinct()).as(node).hasSize(1);
            assertThat(vm.probe("fs")).as(node).contains("mounts=1");
        }
    }

    @Test
    @Order(3)
    void everyBootMarkerSaysTheBootFinished() throws Exception {
        awaitMarkers();
        BootMarkers markers = BootMarkers.read(aws, POD);
        for (PodVm vm : pod.vms()) {
            String node = vm.host().node();
            assertThat(markers.control(node)).as(node + "\n" + vm.tail(30)).isPresent();
            BootMarker marker = markers.control(node).orElseThrow();
            assertThat(marker.describe()).as(node).isEqualTo("ok");
            assertThat(marker.step()).as("the last step of a ZooKeeper host").isEqualTo("podctl-install-zookeeper");
        }
        assertThat(markers.unreadable()).isEmpty();
    }

    @Test
    @Order(4)
    void zooKeeperFormsAQuorumOfThePodsVersionAcrossTheThreeVms() {
        String version = SpecFixtures.examplePod(POD).spec().versions().zookeeper();
        Map<String, SrvrReply> replies = pod.srvr(pod.vms());
        assertThat(replies.values()).as(replies.toString()).extracting(SrvrReply::mode)
                .containsExactlyInAnyOrder(ZooKeeperMode.LEADER, ZooKeeperMode.FOLLOWER, ZooKeeperMode.FOLLOWER);
        assertThat(replies.values()).as(replies.toString()).extracting(SrvrReply::version).containsOnly(version);
    }

    @Test
    @Order(5)
    void systemdHasNoFailedUnitAndRestartedNothing() throws Exception {
        awaitMarkers();
        // two probe rounds after the boot finished (15 s apart): a crash loop would have restarted by then
        Map<PodVm, Integer> seen = new HashMap<>();
        pod.vms().forEach(vm -> seen.put(vm, vm.reports("restarted").size()));
        pod.awaitAll("two more probe reports", vm -> vm.reports("restarted").size() >= seen.get(vm) + 2, Duration.ofMinutes(2));
        for (PodVm vm : pod.vms()) {
            String node = vm.host().node() + "\n" + vm.tail(30);
            assertThat(vm.probe("failed")).as("failed units on " + node).contains("");
            assertThat(vm.probe("restarted")).as("restarted services on " + node).contains("");
            assertThat(vm.units()).as(node)
                    .containsEntry("podctl-image", "active/0")
                    .containsEntry("podctl-data-volume", "active/0")
                    .containsEntry("podctl-install-zookeeper", "active/0")
                    .containsEntry("zookeeper", "active/0")
                    .containsEntry("podctl-booted", "active/0");
        }
    }

    private void awaitMarkers() throws InterruptedException {
        Instant start = Instant.now();
        for (PodVm vm : pod.vms()) {
            Duration left = MARKER_DEADLINE.minus(Duration.between(start, Instant.now()));
            pod.awaitMarker(vm, left.isNegative() ? Duration.ZERO : left);
        }
    }
}
