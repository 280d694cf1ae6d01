package io.podctl.engine;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalPulumiCommandOptions;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.Version;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     * The pulumi binary on {@code env}'s PATH; found without running it.
     *
     * @throws EngineSetupException when there is none
     */
    public static Path require(Map<String, String> env) {
        return locate(env.getOrDefault("PATH", ""))
                .orElseThrow(() -> new EngineSetupException("no 'pulumi' on PATH: " + INSTALL
                        + "; podctl runs preview, up, destroy and refresh through it"));
    }

    /**
     * The Automation API's command for the pulumi on this process's PATH ({@code binary}, as
     * {@link #require} found it), at {@link #MINIMUM} or newer. The Automation API runs
     * {@code pulumi version} itself; its answer is the one checked, so no second run is needed
     * (each costs about 0.15 s of every command).
     *
     * @throws EngineSetupException when it is too old, does not answer within 30 s or cannot be used
     */
    public static PulumiCommand open(Path binary) {
        java.util.concurrent.CompletableFuture<LocalPulumiCommand> created = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                // podctl's minimum is checked below, with its own message
                return LocalPulumiCommand.create(LocalPulumiCommandOptions.builder().skipVersionCheck(true).build());
            } catch (AutomationException e) {
                throw new EngineSetupException("the Pulumi CLI at " + binary + " cannot be used (" + e.getMessage() + "): " + INSTALL);
            }
        });
        LocalPulumiCommand command;
        try {
            command = created.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new EngineSetupException(binary + " version did not answer within 30 s: " + INSTALL);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EngineSetupException setup ? setup
                    : new EngineSetupException("the Pulumi CLI at " + binary + " cannot be used (" + e.getCause() + "): " + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineSetupException("interrupted while asking " + binary + " for its version");
        }
        if (command.version() == null) {
            throw new EngineSetupException(binary + " version printed no version: " + INSTALL);
        }
        requireVersion(command.version(), binary);
        return command;
    }

    static void requireVersion(Version version, Path binary) {
        if (version.isLowerThan(MINIMUM)) {
            throw new EngineSetupException("Pulumi CLI " + version + " at " + binary + " is too old: " + INSTALL
                    + " (older versions can hang an operation)");
        }
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
}
