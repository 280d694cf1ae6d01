package io.podctl.rollout.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The genuine Mesos, Marathon and ZooKeeper samples in {@code shared/fixtures}, next to the
 * repository: {@code ${podctl.root}/../shared/fixtures}, else {@code ../../../shared/fixtures}
 * from the module directory.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String podctlRoot = System.getProperty("podctl.root", "");
        if (!podctlRoot.isBlank()) {
            Path fromRoot = Path.of(podctlRoot).resolve("../shared/fixtures").normalize();
            if (Files.isDirectory(fromRoot)) {
                return fromRoot;
            }
        }
        return Path.of("../../../shared/fixtures").toAbsolutePath().normalize();
    }

    /** A fixture's text, e.g. {@code read("zookeeper/srvr.3node.3.7.0.txt")}. */
    public static String read(String relativePath) {
        Path file = root().resolve(relativePath);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture missing: " + file, e);
        }
    }
}
