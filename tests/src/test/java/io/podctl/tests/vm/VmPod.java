package io.podctl.tests.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
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
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Some control hosts of one example pod booted as real Debian 12 VMs (cloud-init, systemd) from
 * exactly the gzip user data podctl renders for each, on the base image the repo's recipe builds.
 * EC2 is played by QEMU, AWS's metadata emulator, moto (SSM parameters, the S3 mirror of the
 * artifact manifest) and a shared VM network with the pod's fixed addresses.
 *
 * <p>The only test-specific input is podctl's own configuration point, the artifact manifest:
 * the fleet's manifest with ZooKeeper's entry carrying the real digest of the tarball the test
 * builds. Mesos and Marathon keep the fleet's entries; the mirror holds no build of them (none
 * can be had), so a host that installs either fails that step and says so.
 */
final class VmPod {
    /**
     * Three VMs under software emulation finish cloud-init in a few minutes on 2 cores; far more
     * when the machine is shared (a ceiling, reached only by a boot that hangs).
     */
    static final Duration BOOT_DEADLINE = Duration.ofMinutes(14);
    static final Duration QUORUM_DEADLINE = Duration.ofMinutes(6);

    private final AwsContext aws;
    private final int motoPort;
    private final Path work;
    private final PodPlan plan;
    private final Map<String, PodVm> vms = new LinkedHashMap<>();
    private final Map<String, byte[]> userData = new HashMap<>();
    private final int multicastPort;
    private final FourLetterWordClient fourLetterWords = new FourLetterWordClient(Duration.ofSeconds(3), Duration.ofSeconds(5));

    private VmPod(AwsContext aws, int motoPort, Path work, PodPlan plan, VmTools tools, Predicate<Host> booted) throws IOException {
        this.aws = aws;
        this.motoPort = motoPort;
        this.work = work;
        this.plan = plan;
        // one multicast group per pod and test JVM: another run's VMs must not share the pod network
        this.multicastPort = 20000 + (int) ((ProcessHandle.current().pid() * 31 + plan.pod().hashCode()) & 0x7fffffff) % 20000;
        for (Host host : plan.controlHosts()) {
            if (booted.test(host)) {
                vms.put(host.node(), new PodVm(tools, host, work.resolve(host.node())));
                userData.put(host.node(), UserData.gzip(host.userData()));
            }
        }
    }

    /**
     * Builds what the hosts need (tools, image, ZooKeeper tarball, the mirror in moto) and plans
     * the example pod; nothing boots yet. Work files go to {@code target/vm-boot/<pod>}.
     */
    static VmPod prepare(AwsContext aws, MotoEndpoint moto, String podName, Predicate<Host> booted) throws Exception {
        Path work = Path.of("target", "vm-boot", podName).toAbsolutePath();
        // an earlier run's disks and logs must not be mistaken for this run's
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        VmTools tools = VmTools.require(work);
        Pod pod = SpecFixtures.examplePod(podName);
        ZooKeeperTarball zookeeper = ZooKeeperTarball.build(tools, pod.spec().versions().zookeeper(), work);
        PodPlan plan = PodPlanner.plan(pod.withArtifacts(mirror(aws, pod.artifacts(), zookeeper)));
        return new VmPod(aws, moto.uri().getPort(), work, plan, tools, booted);
    }

    PodPlan plan() {
        return plan;
    }

    List<PodVm> vms() {
        return List.copyOf(vms.values());
    }

    PodVm vm(String node) {
        PodVm vm = vms.get(node);
        if (vm == null) {
            throw new IllegalArgumentException("no VM for node " + node + " of " + plan.pod());
        }
        return vm;
    }

    /**
     * Boots every VM at once and waits for cloud-init to finish on each and for their ZooKeeper
     * quorum; prints and records (boot-to-quorum.txt) how long that took.
     */
    Duration bootToQuorum() throws Exception {
        Instant start = Instant.now();
        for (PodVm vm : vms.values()) {
            boot(vm);
        }
        awaitAll("cloud-init to finish", vm -> vm.probe("cloud-init").filter(s -> !s.equals("running")).isPresent(), BOOT_DEADLINE);
        awaitQuorum(vms(), QUORUM_DEADLINE);
        Duration took = Duration.between(start, Instant.now());
        String figure = "boot-to-quorum " + plan.pod() + ": " + took.toSeconds() + " s for " + vms.size() + " VMs ("
                + String.join(", ", vms.keySet()) + "; TCG, -smp 1, 1 GiB each)";
        System.out.println(figure);
        Files.writeString(work.resolve("boot-to-quorum.txt"), figure + "\n");
        return took;
    }

    /** Starts a new instance of the VM's host from its user data (a first boot, or a replacement). */
    void boot(PodVm vm) throws Exception {
        vm.boot(userData.get(vm.host().node()), vendorData(), networkConfig(vm), multicastPort, motoPort);
    }

    void stop() {
        vms.values().forEach(PodVm::stop);
    }

    void awaitAll(String what, Predicate<PodVm> ready, Duration deadline) throws InterruptedException {
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

    void awaitQuorum(List<PodVm> members, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        Map<String, ZooKeeperMode> modes = Map.of();
        while (Instant.now().isBefore(end)) {
            modes = modes(members);
            if (modes.values().stream().filter(m -> m == ZooKeeperMode.LEADER).count() == 1
                    && modes.values().stream().filter(m -> m == ZooKeeperMode.FOLLOWER).count() == members.size() - 1) {
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
    Map<String, SrvrReply> srvr(List<PodVm> members) {
        Map<String, SrvrReply> replies = new LinkedHashMap<>();
        for (PodVm vm : members) {
            try {
                replies.put(vm.host().node(), SrvrReply.parse(fourLetterWords.send(Endpoint.loopback(vm.clientPort()), "srvr")));
            } catch (Exception e) {
                // not serving yet
            }
        }
        return replies;
    }

    Map<String, ZooKeeperMode> modes(List<PodVm> members) {
        Map<String, ZooKeeperMode> modes = new LinkedHashMap<>();
        srvr(members).forEach((node, reply) -> modes.put(node, reply.mode()));
        return modes;
    }

    /** The host's boot marker in SSM, once it wrote one (the last step may end after the quorum). */
    String awaitMarker(PodVm vm, Duration deadline) throws InterruptedException {
        String name = "/pods/" + plan.pod() + "/status/" + vm.host().node();
        Instant end = Instant.now().plus(deadline);
        while (true) {
            try {
                return aws.ssm().getParameter(r -> r.name(name)).parameter().value();
            } catch (ParameterNotFoundException e) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("no boot marker " + name + " after " + deadline.toSeconds() + " s\n" + vm.tail(30));
                }
                Thread.sleep(3000);
            }
        }
    }

    /**
     * The fleet's manifest, and its mirror in moto's S3: ZooKeeper's entry names the test's
     * tarball and its real digest; Mesos' and Marathon's locations hold a file that is no build.
     */
    private static ArtifactManifest mirror(AwsContext aws, ArtifactManifest fleet, ZooKeeperTarball zookeeper) {
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
     * What EC2 provides and the user data does not: the pod's private DNS zone (as /etc/hosts,
     * the booted hosts' names: the probe checks every peer listed there) and, for the test only,
     * the probe that reports the host's state on the console. Docker, which the image carries for
     * agents and control hosts never use, is kept from starting: under software emulation its
     * first start costs minutes of a VM's CPU.
     */
    private String vendorData() throws IOException {
        String hosts = "# the pod's private zone (vendor data of the VM test)\n" + vms.values().stream()
                .map(vm -> vm.host().privateIp() + " " + String.join(" ", vm.host().dnsNames()))
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

    /**
     * The user network by DHCP; the pod network with the host's fixed address (its ENI's). The
     * pod network is one segment for the whole VPC, standing for its router: the address gets the
     * VPC's prefix, so hosts in the subnets of other zones are reached directly.
     */
    private String networkConfig(PodVm vm) {
        String cidr = plan.network().vpcCidr() != null ? plan.network().vpcCidr() : plan.network().subnetIn(vm.host().zone()).cidr();
        return """
                version: 2
                ethernets:
                  uplink:
                    match: {macaddress: "%s"}
                    dhcp4: true
                  pod:
                    match: {macaddress: "%s"}
                    addresses: [%s/%s]
                """.formatted(vm.uplinkMac(), vm.podMac(), vm.host().privateIp(), cidr.replaceAll(".*/", ""));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
