package io.podctl.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of the code that turns a pod into its resource graph: podctl's plan and infra
 * classes, the templates, and the Pulumi SDK and provider versions. Cached graphs are only
 * reused by a build with the same fingerprint. Jar entries contribute their name and CRC from
 * the central directory, so nothing is decompressed.
 */
final class CodeFingerprint {
    private static final List<String> PREFIXES = List.of("io/podctl/plan/", "io/podctl/infra/", "templates/", "META-INF/maven/com.pulumi/");

    private CodeFingerprint() {}

    static String of(Class<?>... anchors) {
        MessageDigest digest = sha256();
        Set<Path> seen = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            Path location = locationOf(anchor);
            if (seen.add(location)) {
                digest.update(location.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(location)) {
                    directory(location, digest);
                } else {
                    jar(location, digest);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void jar(Path jar, MessageDigest digest) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().filter(e -> PREFIXES.stream().anyMatch(e.getName()::startsWith))
                    .sorted(java.util.Comparator.comparing(ZipEntry::getName))
                    .forEach(e -> digest.update((e.getName() + ":" + e.getCrc() + ";").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void directory(Path dir, MessageDigest digest) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
