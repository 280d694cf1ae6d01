package io.podctl.engine;

import com.pulumi.automation.Version;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the {@code pulumi} binary the Automation API will run (always the one on PATH) and checks
 * its version before anything else runs.
 */
public final class PulumiCli {

    /**
     * Older CLIs hand events over through a log file whose watcher can wait for ever (pulumi/pulumi
     * issues 20151 and 20857); from 3.206 they come over gRPC.
     */
    public static final Version MINIMUM = Version.of(3, 206, 0);

    static final String INSTALL = "install the Pulumi CLI >= " + MINIMUM.majorVersion() + "." + MINIMUM.minorVersion()
            + " (https://www.pulumi.com/docs/install/) and put it on PATH";

    private PulumiCli() {}

    /**
     * The pulumi binary on {@code env}'s PATH, at {@link #MINIMUM} or newer.
     *
     * @throws EngineSetupException when there is none, or it is too old or does not answer
     */
    public static Path require(Map<String, String> env) {
        Path binary = locate(env.getOrDefault("PATH", ""))
                .orElseThrow(() -> new EngineSetupException("no 'pulumi' on PATH: " + INSTALL
                        + "; podctl runs preview, up, destroy and refresh through it"));
        Version version = versionOf(binary);
        if (version.isLowerThan(MINIMUM)) {
            throw new EngineSetupException("Pulumi CLI " + version + " at " + binary + " is too old: " + INSTALL
                    + " (older versions can hang an operation)");
        }
        return binary;
    }

    static Optional<Path> locate(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "pulumi");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Version versionOf(Path binary) {
        String printed;
        try {
            Process process = new ProcessBuilder(binary.toString(), "version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EngineSetupException(binary + " version did not answer within 30 s: " + INSTALL);
            }
            printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new EngineSetupException("cannot run " + binary + " (" + e.getMessage() + "): " + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineSetupException("interrupted while asking " + binary + " for its version");
        }
        String text = printed.startsWith("v") ? printed.substring(1) : printed;
        return Version.tryParse(text)
                .orElseThrow(() -> new EngineSetupException(binary + " version printed '" + printed + "', not a version: " + INSTALL));
    }
}
