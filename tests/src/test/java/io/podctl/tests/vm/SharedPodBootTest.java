package io.podctl.tests.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.ZooKeeperMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The three control hosts of the shared not-prod pod, booted as VMs from the user data podctl
 * renders (see {@link VmPod}). Each runs ZooKeeper, a Mesos master and Marathon: the mirror holds
 * no build of Mesos or Marathon, so their install step must fail and say so, while ZooKeeper
 * forms its quorum.
 */
@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedPodBootTest {
    static final String POD = "not-prod-pod-1";
    private static final Duration MARKER_DEADLINE = Duration.ofMinutes(4);
    private static final String SECRET = "/pods/" + POD + "/marathon/http-credentials";
    private static final String SECRET_VALUE = "marathon:vm-test-" + Long.toHexString(System.nanoTime());

    private final AwsContext aws;
    private final MotoEndpoint moto;
    private VmPod pod;

    SharedPodBootTest(AwsContext aws, MotoEndpoint moto) {
        this.aws = aws;
        this.moto = moto;
    }

    @BeforeAll
    void bootThePod() throws Exception {
        pod = VmPod.prepare(aws, moto, POD, host -> true);
        aws.ssm().putParameter(r -> r.name(SECRET).value(SECRET_VALUE).type(ParameterType.SECURE_STRING));
        pod.bootToQuorum();
    }

    @AfterAll
    void stopThePod() {
        if (pod != null) {
            pod.stop();
        }
    }

    @Test
    @Order(1)
    void cloudInitIsDoneOnEveryHost() {
        for (PodVm vm : pod.vms()) {
            assertThat(vm.probe("cloud-init")).as(vm.host().node() + "\n" + vm.tail(40)).contains("done");
        }
    }

    @Test
    @Order(2)
    void theDataVolumeIsFormattedAndMountedOnEveryHost() {
        for (PodVm vm : pod.vms()) {
            assertThat(vm.probe("mount").orElse("")).as(vm.host().node() + "\n" + vm.tail(40))
                    .matches(PodVm.DATA_VOLUME_MOUNT);
        }
    }

    @Test
    @Order(3)
    void theSecretIsFetchedIntoTmpfsOnlyAndNowhereElse() {
        for (PodVm vm : pod.vms()) {
            assertThat(vm.probe("secrets").orElse("")).as(vm.host().node() + "\n" + vm.tail(40))
                    .isEqualTo("/run/podctl/secrets/marathon/MARATHON_HTTP_CREDENTIALS:fs=tmpfs,mode=600,leak=no");
            assertThat(vm.serial()).doesNotContain(SECRET_VALUE);
        }
    }

    @Test
    @Order(4)
    void zooKeeperFormsAQuorumAcrossTheThreeVms() throws Exception {
        Map<String, ZooKeeperMode> modes = pod.modes(pod.vms());
        assertThat(modes.values()).as(modes.toString())
                .containsExactlyInAnyOrder(ZooKeeperMode.LEADER, ZooKeeperMode.FOLLOWER, ZooKeeperMode.FOLLOWER);
    }

    @Test
    @Order(5)
    void mesosAndMarathonFailTheirInstallStepWithAMarkerAndDoNotLoop() throws Exception {
        for (PodVm vm : pod.vms()) {
            String node = vm.host().node();
            // the install runs after ZooKeeper's: its marker may come after the quorum
            String marker = pod.awaitMarker(vm, MARKER_DEADLINE);
            assertThat(marker).as(node + "\n" + vm.tail(30)).startsWith("failed podctl-install-mesos ");
        }
        // half a minute later nothing has restarted: a failed step is final, its services never start
        Thread.sleep(30_000);
        for (PodVm vm : pod.vms()) {
            Map<String, String> units = vm.units();
            assertThat(units).as(vm.host().node())
                    .containsEntry("podctl-install-mesos", "failed/0")
                    .containsEntry("podctl-install-marathon", "inactive/0")
                    .containsEntry("mesos-master", "inactive/0")
                    .containsEntry("marathon", "inactive/0")
                    .containsEntry("podctl-booted", "inactive/0")
                    .containsEntry("zookeeper", "active/0");
        }
    }

    /** Host 2's instance is replaced: a fresh root disk, its old data volume; it keeps its data and rejoins. */
    @Test
    @Order(6)
    void aReplacedHostKeepsItsDataVolumeAndRejoinsTheQuorum() throws Exception {
        List<PodVm> all = pod.vms();
        PodVm replaced = pod.vm("control-2");
        String volumeBefore = replaced.probe("mount").orElseThrow();
        byte[] written = "before the replacement".getBytes(StandardCharsets.UTF_8);
        try (ZooKeeper client = connect(Endpoint.loopback(pod.vm("control-1").clientPort()))) {
            client.create("/podctl-vm-test", written, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }

        replaced.stop();
        pod.boot(replaced);
        pod.awaitAll("the replacement's cloud-init", vm -> vm != replaced
                || vm.probe("cloud-init").filter(s -> !s.equals("running")).isPresent(), VmPod.BOOT_DEADLINE);
        pod.awaitQuorum(all, VmPod.QUORUM_DEADLINE);
        // the probe reports every 15 s: its mount line may come after ZooKeeper answered
        pod.awaitAll("the replacement's mount report", vm -> vm != replaced
                || vm.probe("mount").filter(m -> !m.isEmpty()).isPresent(), Duration.ofMinutes(1));

        assertThat(replaced.probe("cloud-init")).as(replaced.tail(40)).contains("done");
        assertThat(replaced.probe("mount")).as("the same filesystem, not a new one").contains(volumeBefore);
        try (ZooKeeper client = connect(Endpoint.loopback(replaced.clientPort()))) {
            client.sync("/podctl-vm-test", (rc, path, ctx) -> {}, null);
            assertThat(client.getData("/podctl-vm-test", false, null)).isEqualTo(written);
        }
        assertThat(pod.modes(all).values()).containsExactlyInAnyOrder(ZooKeeperMode.LEADER, ZooKeeperMode.FOLLOWER,
                ZooKeeperMode.FOLLOWER);
    }

    private static ZooKeeper connect(Endpoint endpoint) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(endpoint.toString(), 15_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS)) {
            client.close();
            throw new AssertionError("no ZooKeeper session at " + endpoint);
        }
        return client;
    }
}
