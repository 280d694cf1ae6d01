package io.podctl.tests.vm;

import io.podctl.plan.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One control host booted as a QEMU VM (software emulation): a fresh copy-on-write root disk of
 * the base image, a NoCloud seed carrying exactly the gzip user data EC2 would get, the host's
 * data disk (the EBS volume stand-in, kept between instances), its own instance metadata service
 * (AWS's emulator, IMDSv2 only), and two NICs: QEMU's user network (metadata service and AWS
 * endpoints forwarded to the host; the host's ZooKeeper client port forwarded back) and the pod
 * network, a multicast socket all VMs of the run share, with the host's fixed address.
 */
final class PodVm {
    /** Where the image's aws stand-in sends every call (images/vm-image): forwarded to moto. */
    static final String AWS_ENDPOINT_IN_GUEST = "169.254.0.10:5000";
    /** The probe's mount report (SOURCE,FSTYPE,LABEL,UUID of /var/lib/pod) for the data volume podctl formats. */
    static final String DATA_VOLUME_MOUNT = "/dev/vd[a-z],ext4,pod-data,[0-9a-f-]{36}";
    private static final Pattern PROBE = Pattern.compile("^vmprobe (\\S+) ?(.*)$", Pattern.MULTILINE);

    private final VmTools tools;
    private final Host host;
    private final Path dir;
    private final Path dataDisk;
    private final int clientPort;
    private final List<Process> processes = new ArrayList<>();
    private Path serialLog;
    private int boots;

    PodVm(VmTools tools, Host host, Path dir) throws IOException {
        // a test JVM that is killed must not leave VMs running
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        this.tools = tools;
        this.host = host;
        this.dir = Files.createDirectories(dir);
        this.dataDisk = dir.resolve("data.img");
        this.clientPort = freePort();
        // a blank volume, as EBS creates it: no partition table, no filesystem
        tools.run(dir, tools.qemuImg().toString(), "create", "-q", "-f", "raw", dataDisk.toString(), "1G");
    }

    Host host() {
        return host;
    }

    /** The host's ZooKeeper client port, forwarded to loopback. */
    int clientPort() {
        return clientPort;
    }

    /**
     * Starts a new instance of this host: a fresh root disk and instance id (so cloud-init runs
     * its first boot again, as on a replacement instance), the same data disk and address.
     */
    void boot(byte[] userData, String vendorData, String networkConfig, int multicastPort, int motoPort) throws IOException {
        boots++;
        Path run = Files.createDirectories(dir.resolve("boot-" + boots));
        String instanceId = String.format("i-0%015x", (long) host.index() * 1000 + boots);
        Path seed = seed(run, userData, vendorData, networkConfig, instanceId);
        Path root = run.resolve("root.qcow2");
        tools.run(run, tools.qemuImg().toString(), "create", "-q", "-f", "qcow2", "-b",
                tools.image().resolve("base.img").toString(), "-F", "raw", root.toString());
        int metadataPort = freePort();
        serialLog = run.resolve("serial.log");
        String relay = tools.relay().toString();
        String userNet = String.join(",",
                "user,id=n0,net=169.254.0.0/16,host=169.254.0.2,dns=169.254.0.3,dhcpstart=169.254.0.15",
                "guestfwd=tcp:169.254.169.254:80-cmd:python3 " + relay + " " + metadataPort,
                "guestfwd=tcp:" + AWS_ENDPOINT_IN_GUEST + "-cmd:python3 " + relay + " " + motoPort,
                "hostfwd=tcp:127.0.0.1:" + clientPort + "-:2181");
        List<String> command = List.of(tools.qemu().toString(), "-accel", "tcg", "-m", "1024", "-smp", "1",
                "-display", "none", "-monitor", "none", "-nodefaults", "-no-reboot",
                "-serial", "file:" + serialLog,
                "-kernel", tools.image().resolve("vmlinuz").toString(),
                "-initrd", tools.image().resolve("initrd.img").toString(),
                // the image contract's cgroup v1 (images/README.md), set on the kernel command line as its GRUB does;
                // no_timer_check: on a busy host the emulated timer fails the kernel's IO-APIC check (a panic)
                "-append", "root=/dev/vda rw console=ttyS0 no_timer_check systemd.unified_cgroup_hierarchy=0",
                // fixed PCI slots, so the kernel names the disks in this order: vda root, vdb seed, vdc data
                "-drive", "file=" + root + ",if=none,id=root,format=qcow2",
                "-device", "virtio-blk-pci,drive=root,addr=0x4",
                "-drive", "file=" + seed + ",if=none,id=seed,format=raw,readonly=on",
                "-device", "virtio-blk-pci,drive=seed,addr=0x5",
                // attached as /dev/sdf, like the plan's volume attachment (the image's udev rule names it by serial)
                "-drive", "file=" + dataDisk + ",if=none,id=data,format=raw",
                "-device", "virtio-blk-pci,drive=data,serial=sdf,addr=0x6",
                "-netdev", userNet, "-device", "virtio-net-pci,netdev=n0,mac=" + uplinkMac() + ",addr=0x2",
                "-netdev", "socket,id=n1,mcast=230.0.0.1:" + multicastPort,
                "-device", "virtio-net-pci,netdev=n1,mac=" + podMac() + ",addr=0x3");
        processes.add(tools.metadataService(run, metadataPort, host, instanceId));
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(run.resolve("qemu.log").toFile()).start());
    }

    String uplinkMac() {
        return String.format("52:54:00:12:34:%02x", 0x50 + host.index());
    }

    String podMac() {
        return String.format("52:54:00:20:00:%02x", host.index());
    }

    /** Powers the instance off at once (the data disk stays, as an EBS volume outlives its instance). */
    void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    boolean running() {
        return !processes.isEmpty() && processes.stream().allMatch(Process::isAlive);
    }

    /** The current instance's console output so far. */
    String serial() {
        try {
            return serialLog == null || !Files.exists(serialLog) ? "" : Files.readString(serialLog, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest report of one kind from the guest's probe (see probe.sh), if any yet. */
    Optional<String> probe(String kind) {
        List<String> all = reports(kind);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every report of one kind from the guest's probe so far, oldest first. */
    List<String> reports(String kind) {
        Matcher m = PROBE.matcher(serial().replace("\r", ""));
        List<String> reports = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                reports.add(m.group(2).strip());
            }
        }
        return reports;
    }

    /** The probe's latest state of the podctl units: unit name to "ActiveState/NRestarts". */
    Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        for (String entry : probe("units").orElse("").split(" ")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                units.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return units;
    }

    /** The last lines of the console, for failure messages. */
    String tail(int lines) {
        String[] all = serial().replace("\r", "").split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private Path seed(Path run, byte[] userData, String vendorData, String networkConfig, String instanceId) throws IOException {
        Path files = Files.createDirectories(run.resolve("seed"));
        Files.write(files.resolve("user-data"), userData);
        Files.writeString(files.resolve("meta-data"), "instance-id: " + instanceId + "\nlocal-hostname: " + host.node() + "\n");
        Files.writeString(files.resolve("vendor-data"), vendorData);
        Files.writeString(files.resolve("network-config"), networkConfig);
        Path iso = run.resolve("seed.iso");
        tools.run(files, tools.genisoimage().toString(), "-quiet", "-output", iso.toString(), "-volid", "cidata",
                "-joliet", "-rock", "user-data", "meta-data", "vendor-data", "network-config");
        return iso;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
