package io.podctl.rollout.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One ZooKeeper release on local disk: a {@code lib/} directory holding the server's runtime
 * classpath. The podctl-rollout build fills {@code modules/rollout/target/zookeeper/<version>/lib}
 * for the versions it is configured with (3.8.4 and 3.9.5).
 */
public record ZooKeeperInstall(String version, Path libDir) {

    /** System property naming the directory that holds one {@code <version>/lib} per release. */
    public static final String DISTS_PROPERTY = "podctl.zookeeper.dists";

    public ZooKeeperInstall {
        if (!Files.isDirectory(libDir)) {
            throw new IllegalArgumentException("no ZooKeeper " + version + " at " + libDir
                    + ": build modules/rollout (mvn -pl modules/rollout generate-test-resources) or set -D"
                    + DISTS_PROPERTY);
        }
        try (Stream<Path> jars = Files.list(libDir)) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("zookeeper-" + version))) {
                throw new IllegalArgumentException("no zookeeper-" + version + " jar in " + libDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds {@code version} under {@link #distsDirectory()}. */
    public static ZooKeeperInstall of(String version) {
        return new ZooKeeperInstall(version, distsDirectory().resolve(version).resolve("lib"));
    }

    /**
     * {@code -Dpodctl.zookeeper.dists}, else {@code <podctl.root>/modules/rollout/target/zookeeper},
     * else that path relative to the working directory or to a module directory next to rollout.
     */
    public static Path distsDirectory() {
        String dists = System.getProperty(DISTS_PROPERTY, "");
        if (!dists.isBlank()) {
            return Path.of(dists);
        }
        Path relative = Path.of("modules", "rollout", "target", "zookeeper");
        String root = System.getProperty("podctl.root", "");
        if (!root.isBlank()) {
            return Path.of(root).resolve(relative);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return cwd.resolve(relative);
    }

    /** The {@code -cp} argument: every jar in {@code lib/}. */
    public String classpath() {
        return libDir.toAbsolutePath() + File.separator + "*";
    }
}
