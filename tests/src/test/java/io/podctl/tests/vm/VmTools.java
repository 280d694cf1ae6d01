package io.podctl.tests.vm;

import io.podctl.plan.Host;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the VM boot test runs on: QEMU, genisoimage, python3 (the user network's relay), the base
 * image built by images/vm-image (cached) and AWS's metadata emulator built by
 * scripts/install-metadata-mock (cached); scripts/test-deps installs them. When one is missing the
 * test fails under CI=true and is skipped, saying which, on a developer machine.
 */
record VmTools(Path root, Path qemu, Path qemuImg, Path genisoimage, Path image, Path metadataMock, Path relay, Path probe,
        Path zkServerScript) {

    static VmTools require(Path work) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("podctl.root", "..")).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        Optional<Path> qemu = onPath("qemu-system-x86_64");
        Optional<Path> qemuImg = onPath("qemu-img");
        Optional<Path> iso = onPath("genisoimage");
        Optional<Path> python = onPath("python3");
        Optional<Path> debootstrap = onPath("debootstrap");
        qemu.ifPresentOrElse(p -> {}, () -> missing.add("qemu-system-x86_64 (qemu-system-x86)"));
        qemuImg.ifPresentOrElse(p -> {}, () -> missing.add("qemu-img (qemu-utils)"));
        iso.ifPresentOrElse(p -> {}, () -> missing.add("genisoimage"));
        python.ifPresentOrElse(p -> {}, () -> missing.add("python3"));
        debootstrap.ifPresentOrElse(p -> {}, () -> missing.add("debootstrap"));
        if (!missing.isEmpty()) {
            unavailable("missing " + String.join(", ", missing) + "; install them with: bash scripts/test-deps (as root)");
        }
        Path image = Path.of(script(root, "images/vm-image", "building the VM base image"));
        Path mock = Path.of(script(root, "scripts/install-metadata-mock", "building the EC2 metadata emulator"));
        Files.createDirectories(work);
        return new VmTools(root, qemu.get(), qemuImg.get(), iso.get(), image, mock, resource(work, "relay.py"),
                resource(work, "probe.sh"), resource(work, "zkServer.sh"));
    }

    /** Fails under CI=true (CI installs everything), skips elsewhere; either way says why. */
    static void unavailable(String why) {
        String message = "VM boot test: " + why;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    /** AWS's emulator as this instance's metadata service: IMDSv2 only, the host's own address and zone. */
    Process metadataService(Path dir, int port, Host host, String instanceId) throws IOException {
        Path config = dir.resolve("metadata.json");
        String localName = "ip-" + host.privateIp().replace('.', '-') + "." + "us-west-2.compute.internal";
        Files.writeString(config, """
                {"imdsv2": true, "metadata": {"values": {
                  "local-ipv4": "%s", "local-hostname": "%s", "hostname": "%s",
                  "placement-availability-zone": "%s", "instance-id": "%s"}}}
                """.formatted(host.privateIp(), localName, localName, host.zone(), instanceId));
        return new ProcessBuilder(metadataMock.toString(), "-c", config.toString(), "-n", "127.0.0.1", "-p", String.valueOf(port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("metadata.log").toFile()).start();
    }

    /** Runs a command to completion; its output goes to a log in {@code dir}, shown when it fails. */
    void run(Path dir, String... command) throws IOException {
        Path log = Files.createTempFile(dir, "cmd", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs one of the repo's build scripts and returns the last line it prints (a path). */
    private static String script(Path root, String script, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", root.resolve(script).toString()).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = process.waitFor();
        if (code == 2) {
            unavailable(what + " is not possible here: " + script + " says why above");
        }
        if (code != 0 || out.isEmpty()) {
            throw new IllegalStateException(what + " failed (" + script + ", exit " + code + ")");
        }
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    private static Path resource(Path work, String name) throws IOException {
        Path target = work.resolve(name);
        try (InputStream in = VmTools.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
