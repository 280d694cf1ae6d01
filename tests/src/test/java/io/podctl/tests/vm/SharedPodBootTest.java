package io.podctl.tests.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.UserData;
import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.FourLetterWordClient;
import io.podctl.rollout.health.SrvrReply;
import io.podctl.rollout.health.ZooKeeperMode;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Artifact;
import io.podctl.spec.model.ArtifactManifest;
import io.podctl.spec.model.Pod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The three control hosts of the shared not-prod pod, booted as real Debian 12 VMs (cloud-init,
 * systemd) from exactly the gzip user data podctl renders for each, on the base image the repo's
 * recipe builds. EC2 is played by QEMU, AWS's metadata emulator, moto (SSM parameters, the S3
 * mirror of the artifact manifest) and a shared VM network with the pod's fixed addresses.
 *
 * <p>The only test-specific input is podctl's own configuration point, the artifact manifest:
 * the fleet's manifest with ZooKeeper's entry carrying the real digest of the tarball the test
 * builds. Mesos and Marathon keep the fleet's entries; the mirror holds no build of them (none
 * can be had), so their install step must fail and say so, while ZooKeeper forms its quorum.
 */
@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedPodBootTest {
    static final String POD = "not-prod-pod-1";
    /**
     * Three VMs under software emulation finish cloud-init in a few minutes on 2 cores; far more
     * when the machine is shared (a ceiling, reached only by a boot that hangs).
     */
    private static final Duration BOOT_DEADLINE = Duration.ofMinutes(14);
    private static final Duration QUORUM_DEADLINE = Duration.ofMinutes(6);
    private static final Duration MARKER_DEADLINE = Duration.ofMinutes(4);
    private static final String SECRET = "/pods/" + POD + "/marathon/http-credentials";
    private static final String SECRET_VALUE = "marathon:vm-test-" + Long.toHexString(System.nanoTime());

    private final AwsContext aws;
    private final int motoPort;
    private final Path work;
    private final FourLetterWordClient fourLetterWords = new FourLetterWordClient(Duration.ofSeconds(3), Duration.ofSeconds(5));
    private final Map<String, PodVm> vms = new LinkedHashMap<>();
    private final Map<String, byte[]> userData = new HashMap<>();
    private PodPlan plan;
    private int multicastPort;
    private Duration bootToQuorum;

    SharedPodBootTest(AwsContext aws, MotoEndpoint moto) throws Exception {
        this.aws = aws;
        this.motoPort = moto.uri().getPort();
        this.work = Path.of("target", "vm-boot").toAbsolutePath();
        // an earlier run's disks and logs must not be mistaken for this run's
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }

    @BeforeAll
    void bootThePod() throws Exception {
        VmTools tools = VmTools.require(work);
        Pod pod = SpecFixtures.examplePod(POD);
        ZooKeeperTarball zookeeper = ZooKeeperTarball.build(tools, pod.spec().versions().zookeeper(), work);
        plan = PodPlanner.plan(pod.withArtifacts(mirror(pod.artifacts(), zookeeper)));
        aws.ssm().putParameter(r -> r.name(SECRET).value(SECRET_VALUE).type(ParameterType.SECURE_STRING));

        multicastPort = 20000 + (int) (ProcessHandle.current().pid() % 20000);
        Instant start = Instant.now();
        for (Host host : plan.controlHosts()) {
            PodVm vm = new PodVm(tools, host, work.resolve(host.node()));
            vms.put(host.node(), vm);
            userData.put(host.node(), UserData.gzip(host.userData()));
            boot(vm);
        }
        awaitAll("cloud-init to finish", vm -> vm.probe("cloud-init").filter(s -> !s.equals("running")).isPresent(), BOOT_DEADLINE);
        awaitQuorum(vms.values().stream().toList(), QUORUM_DEADLINE);
        bootToQuorum = Duration.between(start, Instant.now());
        String figure = "boot-to-quorum: " + bootToQuorum.toSeconds() + " s for 3 VMs (TCG, -smp 1, 1 GiB each)";
        System.out.println(figure);
        Files.writeString(work.resolve("boot-to-quorum.txt"), figure + "\n");
    }

    @AfterAll
    void stopThePod() {
        vms.values().forEach(PodVm::stop);
    }

    @Test
    @Order(1)
    void cloudInitIsDoneOnEveryHost() {
        for (PodVm vm : vms.values()) {
            assertThat(vm.probe("cloud-init")).as(vm.host().node() + "\n" + vm.tail(40)).contains("done");
        }
    }

    @Test
    @Order(2)
    void theDataVolumeIsFormattedAndMountedOnEveryHost() {
        for (PodVm vm : vms.values()) {
            // SOURCE,FSTYPE,LABEL,UUID of /var/lib/pod
            assertThat(vm.probe("mount").orElse("")).as(vm.host().node() + "\n" + vm.tail(40))
                    .matches("/dev/vd[a-z],ext4,pod-data,[0-9a-f-]{36}");
        }
    }

    @Test
    @Order(3)
    void theSecretIsFetchedIntoTmpfsOnlyAndNowhereElse() {
        for (PodVm vm : vms.values()) {
            assertThat(vm.probe("secrets").orElse("")).as(vm.host().node() + "\n" + vm.tail(40))
                    .isEqualTo("/run/podctl/secrets/marathon/MARATHON_HTTP_CREDENTIALS:fs=tmpfs,mode=600,leak=no");
            assertThat(vm.serial()).doesNotContain(SECRET_VALUE);
        }
    }

    @Test
    @Order(4)
    void zooKeeperFormsAQuorumAcrossTheThreeVms() throws Exception {
        Map<String, ZooKeeperMode> modes = modes(vms.values().stream().toList());
        assertThat(modes.values()).as(modes.toString())
                .containsExactlyInAnyOrder(ZooKeeperMode.LEADER, ZooKeeperMode.FOLLOWER, ZooKeeperMode.FOLLOWER);
    }

    @Test
    @Order(5)
    void mesosAndMarathonFailTheirInstallStepWithAMarkerAndDoNotLoop() throws Exception {
        for (PodVm vm : vms.values()) {
            String node = vm.host().node();
            // the install runs after ZooKeeper's: its marker may come after the quorum
            String marker = awaitMarker("/pods/" + POD + "/status/" + node, MARKER_DEADLINE);
            assertThat(marker).as(node + "\n" + vm.tail(30)).startsWith("failed podctl-install-mesos ");
        }
        // half a minute later nothing has restarted: a failed step is final, its services never start
        Thread.sleep(30_000);
        for (PodVm vm : vms.values()) {
            Map<String, String> units = units(vm);
            assertThat(units).as(vm.host().node())
                    .containsEntry("podctl-install-mesos", "failed/0")
                    .containsEntry("podctl-install-marathon", "inactive/0")
                    .containsEntry("mesos-master", "inactive/0")
                    .containsEntry("marathon", "inactive/0")
                    .containsEntry("podctl-booted", "inactive/0")
                    .containsEntry("zookeeper", "active/0");
        }
    }

    private String awaitMarker(String name, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            try {
                return aws.ssm().getParameter(r -> r.name(name)).parameter().value();
            } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("no boot marker " + name + " after " + deadline.toSeconds() + " s");
                }
                Thread.sleep(3000);
            }
        }
    }

    /** Host 2's instance is replaced: a fresh root disk, its old data volume; it keeps its data and rejoins. */
    @Test
    @Order(6)
    void aReplacedHostKeepsItsDataVolumeAndRejoinsTheQuorum() throws Exception {
        List<PodVm> all = vms.values().stream().toList();
        PodVm replaced = vms.get("control-2");
        String volumeBefore = replaced.probe("mount").orElseThrow();
        byte[] written = "before the replacement".getBytes(StandardCharsets.UTF_8);
        try (ZooKeeper client = connect(Endpoint.loopback(vms.get("control-1").clientPort()))) {
            client.create("/podctl-vm-test", written, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }

        replaced.stop();
        boot(replaced);
        awaitAll("the replacement's cloud-init", vm -> vm != replaced
                || vm.probe("cloud-init").filter(s -> !s.equals("running")).isPresent(), BOOT_DEADLINE);
        awaitQuorum(all, QUORUM_DEADLINE);
        // the probe reports every 15 s: its mount line may come after ZooKeeper answered
        awaitAll("the replacement's mount report", vm -> vm != replaced
                || vm.probe("mount").filter(m -> !m.isEmpty()).isPresent(), Duration.ofMinutes(1));

        assertThat(replaced.probe("cloud-init")).as(replaced.tail(40)).contains("done");
        assertThat(replaced.probe("mount")).as("the same filesystem, not a new one").contains(volumeBefore);
        try (ZooKeeper client = connect(Endpoint.loopback(replaced.clientPort()))) {
            client.sync("/podctl-vm-test", (rc, path, ctx) -> {}, null);
            assertThat(client.getData("/podctl-vm-test", false, null)).isEqualTo(written);
        }
        assertThat(modes(all).values()).containsExactlyInAnyOrder(ZooKeeperMode.LEADER, ZooKeeperMode.FOLLOWER,
                ZooKeeperMode.FOLLOWER);
    }

    private void boot(PodVm vm) throws Exception {
        vm.boot(userData.get(vm.host().node()), vendorData(), networkConfig(vm), multicastPort, motoPort);
    }

    /**
     * The fleet's manifest, and its mirror in moto's S3: ZooKeeper's entry names the test's
     * tarball and its real digest; Mesos' and Marathon's locations hold a file that is no build.
     */
    private ArtifactManifest mirror(ArtifactManifest fleet, ZooKeeperTarball zookeeper) throws Exception {
        Map<String, Map<String, Artifact>> components = new HashMap<>();
        fleet.components().forEach((component, versions) -> components.put(component, new HashMap<>(versions)));
        Artifact zk = components.get(ArtifactManifest.ZOOKEEPER).get(zookeeper.version());
        components.get(ArtifactManifest.ZOOKEEPER).put(zookeeper.version(), new Artifact(zk.url(), null, zookeeper.sha512(), null));
        for (Map<String, Artifact> versions : components.values()) {
            for (Artifact artifact : versions.values()) {
                URI url = URI.create(artifact.url());
                assertThat(url.getScheme()).isEqualTo("s3");
                String bucket = url.getHost();
                if (aws.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                    aws.s3().createBucket(r -> r.bucket(bucket)
                            .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2)));
                }
                RequestBody body = artifact.url().equals(zk.url()) ? RequestBody.fromFile(zookeeper.file())
                        : RequestBody.fromString("no build of this component can be had here\n");
                aws.s3().putObject(r -> r.bucket(bucket).key(url.getPath().substring(1)), body);
            }
        }
        return new ArtifactManifest(components);
    }

    /**
     * What EC2 provides and the user data does not: the pod's private DNS zone (as /etc/hosts)
     * and, for the test only, the probe that reports the host's state on the console. Docker,
     * which the image carries for agents and control hosts never use, is kept from starting: under
     * software emulation its first start costs minutes of a VM's CPU.
     */
    private String vendorData() throws Exception {
        String hosts = "# the pod's private zone (vendor data of the VM test)\n" + plan.controlHosts().stream()
                .map(h -> h.privateIp() + " " + String.join(" ", h.dnsNames()))
                .collect(Collectors.joining("\n")) + "\n";
        String probe = Files.readString(work.resolve("probe.sh"));
        return """
                #cloud-config
                bootcmd:
                  - grep -q 'private zone' /etc/hosts || echo %s | base64 -d >> /etc/hosts
                  - echo %s | base64 -d > /usr/local/sbin/vm-probe && chmod 0755 /usr/local/sbin/vm-probe
                  - systemd-run --no-block --unit=vm-probe /usr/local/sbin/vm-probe
                  - systemctl mask docker.socket docker.service containerd.service
                  - systemctl stop --no-block docker.socket docker.service containerd.service
                """.formatted(base64(hosts), base64(probe));
    }

    /** The user network by DHCP; the pod network with the host's fixed address (its ENI's). */
    private String networkConfig(PodVm vm) {
        String prefix = plan.network().subnetIn(vm.host().zone()).cidr().replaceAll(".*/", "");
        return """
                version: 2
                ethernets:
                  uplink:
                    match: {macaddress: "%s"}
                    dhcp4: true
                  pod:
                    match: {macaddress: "%s"}
                    addresses: [%s/%s]
                """.formatted(vm.uplinkMac(), vm.podMac(), vm.host().privateIp(), prefix);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitAll(String what, Predicate<PodVm> ready, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (vms.values().stream().allMatch(ready)) {
                return;
            }
            for (PodVm vm : vms.values()) {
                assertThat(vm.running()).as(vm.host().node() + " stopped while waiting for " + what + "\n" + vm.tail(60)).isTrue();
            }
            Thread.sleep(2000);
        }
        StringBuilder logs = new StringBuilder("timed out waiting for " + what);
        for (PodVm vm : vms.values()) {
            logs.append("\n--- ").append(vm.host().node()).append('\n').append(vm.tail(60));
        }
        throw new AssertionError(logs.toString());
    }

    private void awaitQuorum(List<PodVm> members, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        Map<String, ZooKeeperMode> modes = Map.of();
        while (Instant.now().isBefore(end)) {
            modes = modes(members);
            List<ZooKeeperMode> values = new ArrayList<>(modes.values());
            if (values.stream().filter(m -> m == ZooKeeperMode.LEADER).count() == 1
                    && values.stream().filter(m -> m == ZooKeeperMode.FOLLOWER).count() == members.size() - 1) {
                return;
            }
            Thread.sleep(2000);
        }
        StringBuilder logs = new StringBuilder("no quorum: " + modes);
        for (PodVm vm : members) {
            logs.append("\n--- ").append(vm.host().node()).append(' ').append(vm.probe("units").orElse("no probe report"))
                    .append('\n').append(vm.tail(30));
        }
        throw new AssertionError(logs.toString());
    }

    /** srvr on each host's forwarded client port; a host that does not answer is left out. */
    private Map<String, ZooKeeperMode> modes(List<PodVm> members) {
        Map<String, ZooKeeperMode> modes = new LinkedHashMap<>();
        for (PodVm vm : members) {
            try {
                modes.put(vm.host().node(), SrvrReply.parse(fourLetterWords.send(Endpoint.loopback(vm.clientPort()), "srvr")).mode());
            } catch (Exception e) {
                // not serving yet
            }
        }
        return modes;
    }

    private static Map<String, String> units(PodVm vm) {
        Map<String, String> units = new LinkedHashMap<>();
        for (String entry : vm.probe("units").orElse("").split(" ")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                units.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return units;
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
