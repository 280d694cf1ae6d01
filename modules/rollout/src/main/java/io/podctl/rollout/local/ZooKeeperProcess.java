package io.podctl.rollout.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ZooKeeper server ({@code QuorumPeerMain}) running as a separate OS process, its output
 * appended to a log file. Killed when this JVM exits if nobody stopped it before.
 */
public final class ZooKeeperProcess {

    private static final String MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    /** Small heap and quick JIT: a test server starts in about a second. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");

    private final ZooKeeperInstall install;
    private final Path logFile;
    private final Process process;

    private ZooKeeperProcess(ZooKeeperInstall install, Path logFile, Process process) {
        this.install = install;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code java -cp <lib>/* QuorumPeerMain <configFile>} in the config file's directory. */
    public static ZooKeeperProcess start(ZooKeeperInstall install, Path configFile, Path logFile) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", install.classpath(), MAIN, configFile.toAbsolutePath().toString()));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .directory(configFile.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        ProcessReaper.watch(process);
        return new ZooKeeperProcess(install, logFile, process);
    }

    /** Asks politely (SIGTERM), then forcibly after {@code grace}, and waits until it is gone. */
    public void stop(Duration grace) {
        try {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (!process.isAlive()) {
                ProcessReaper.forget(process);
            }
        }
    }

    public void stop() {
        stop(Duration.ofSeconds(5));
    }

    public long pid() {
        return process.pid();
    }

    /** The OS process runs; says nothing about quorum membership (ask srvr for that). */
    public boolean isAlive() {
        return process.isAlive();
    }

    public ZooKeeperInstall install() {
        return install;
    }

    public Path logFile() {
        return logFile;
    }
}
