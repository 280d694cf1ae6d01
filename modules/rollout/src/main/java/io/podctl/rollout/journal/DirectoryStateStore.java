package io.podctl.rollout.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A {@link StateStore} in a local directory: one file per key, written to a temp file then moved atomically. */
public final class DirectoryStateStore implements StateStore {

    private final Path root;

    public DirectoryStateStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    public Path file(String key) {
        if (key.startsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("bad key " + key);
        }
        return root.resolve(key);
    }

    @Override
    public String describe(String key) {
        return file(key).toString();
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, byte[] value) throws IOException {
        Path temp = written(key, value);
        Files.move(temp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value) throws IOException {
        Path temp = written(key, value);
        try {
            // A hard link fails atomically when the target exists, unlike rename which replaces it.
            Files.createLink(file(key), temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    private Path written(String key, byte[] value) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        Files.write(temp, value);
        return temp;
    }
}
