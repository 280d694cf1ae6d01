package io.podctl.rollout.run.local;

import io.podctl.rollout.local.ZooKeeperInstall;
import io.podctl.rollout.run.DriverException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local ZooKeeper server that must outlive the podctl process that starts it, found again by
 * its pid file. The toolkit's ZooKeeperProcess kills its servers when its JVM exits, which suits
 * tests but not a CLI run whose upgraded servers have to keep serving.
 */
final class DetachedZooKeeper {

    private static final String MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

    private DetachedZooKeeper() {
    }

    static long start(LocalFleet.ZooKeeperNode server, ZooKeeperInstall install) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path config = Path.of(server.config()).toAbsolutePath();
        Path log = Path.of(server.logFile());
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
                "-cp", install.classpath(), MAIN, config.toString()))
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // written aside and moved over: a podctl killed here leaves the old pid or the new one, never an empty file
        Path pidFile = Path.of(server.pidFile()).toAbsolutePath();
        Path temp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(temp, process.pid() + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return process.pid();
    }

    /** SIGTERM, SIGKILL after 10 s, and waits until the process is gone; no-op when it does not run. */
    static void stop(LocalFleet.ZooKeeperNode server) throws DriverException {
        Optional<ProcessHandle> handle = pid(server).flatMap(ProcessHandle::of);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        ProcessHandle process = handle.get();
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException again) {
                throw new DriverException("cannot stop ZooKeeper pid " + process.pid());
            }
        } catch (ExecutionException e) {
            throw new DriverException("cannot stop ZooKeeper pid " + process.pid() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while stopping ZooKeeper pid " + process.pid());
        }
    }

    static Optional<Long> pid(LocalFleet.ZooKeeperNode server) throws DriverException {
        try {
            return Optional.of(Long.parseLong(Files.readString(Path.of(server.pidFile())).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            throw new DriverException("unreadable pid file " + server.pidFile() + ": " + e.getMessage());
        }
    }
}
