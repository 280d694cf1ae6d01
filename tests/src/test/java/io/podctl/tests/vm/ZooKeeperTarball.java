package io.podctl.tests.vm;

import io.podctl.rollout.local.ZooKeeperInstall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A ZooKeeper release tarball in Apache's layout ({@code apache-zookeeper-<v>-bin/} with
 * {@code bin/zkServer.sh}, {@code conf/logback.xml}, {@code lib/*.jar}), which is what
 * install-zookeeper unpacks. Apache's own tarball is not on Maven Central, so this one is built
 * from the release jars the build already fetches (the rollout module's per-version classpath)
 * and a stand-in zkServer.sh.
 */
record ZooKeeperTarball(String version, Path file, String sha512) {

    static ZooKeeperTarball build(VmTools tools, String version, Path dir) throws IOException {
        String name = "apache-zookeeper-" + version + "-bin";
        Path top = Files.createDirectories(dir.resolve(name));
        Path lib = Files.createDirectories(top.resolve("lib"));
        try (Stream<Path> jars = Files.list(ZooKeeperInstall.of(version).libDir())) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path bin = Files.createDirectories(top.resolve("bin"));
        Files.copy(tools.zkServerScript(), bin.resolve("zkServer.sh"), StandardCopyOption.REPLACE_EXISTING);
        bin.resolve("zkServer.sh").toFile().setExecutable(true, false);
        // the lib/ classpath logs through slf4j-simple; the file is there because install-zookeeper copies it
        Files.writeString(Files.createDirectories(top.resolve("conf")).resolve("logback.xml"),
                "<configuration><root level=\"INFO\"/></configuration>\n");
        Path tarball = dir.resolve(name + ".tar.gz");
        tools.run(dir, "tar", "-czf", tarball.toString(), name);
        return new ZooKeeperTarball(version, tarball, sha512(tarball));
    }

    static String sha512(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
