package io.podctl.aws.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link BlobStore} in a local directory, one file per key.
 *
 * <p>Every write goes to a temp file first and is renamed into place with ATOMIC_MOVE, so a reader
 * never sees half a file. The conditional writes (and the others, so they cannot slip between a
 * check and its rename) run under a lock: an OS file lock on {@code .lock} against other processes,
 * and a JVM-wide lock per directory because the OS lock is per process. (CREATE_NEW alone would
 * make create-only atomic, but would show readers a half-written file.) The etag is the SHA-256 of
 * the content.
 */
public final class DirectoryBlobStore implements BlobStore {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();

    private final Path root;

    public DirectoryBlobStore(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + root + " as a blob store", e);
        }
    }

    @Override
    public String describe(String key) {
        return root.resolve(key).toString();
    }

    @Override
    public Optional<Blob> get(String key) {
        Path file = file(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new Blob(bytes, etag(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path file = file(key);
        locked(() -> replace(file, bytes));
    }

    @Override
    public boolean putIfAbsent(String key, byte[] bytes) {
        Path file = file(key);
        return locked(() -> !Files.exists(file) && replace(file, bytes));
    }

    @Override
    public boolean putIfMatch(String key, byte[] bytes, String etag) {
        Path file = file(key);
        return locked(
                () -> {
                    Optional<Blob> current = get(key);
                    return current.isPresent()
                            && current.get().etag().equals(etag)
                            && replace(file, bytes);
                });
    }

    @Override
    public void delete(String key) {
        Path file = file(key);
        locked(
                () -> {
                    try {
                        return Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete " + file, e);
                    }
                });
    }

    @Override
    public void close() {
        // nothing held between calls
    }

    private Path file(String key) {
        return root.resolve(BlobKey.check(key));
    }

    private static boolean replace(Path file, byte[] bytes) {
        Path temp =
                file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temp file is harmless: keys cannot start with a dot
            }
        }
    }

    private <T> T locked(Supplier<T> action) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(root, r -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel =
                        FileChannel.open(
                                root.resolve(".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root, e);
        } finally {
            inProcess.unlock();
        }
    }

    private static String etag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
