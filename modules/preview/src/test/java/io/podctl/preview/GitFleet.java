package io.podctl.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A scratch git repository holding a copy of the example fleet, changed commit by commit like a pull request. */
final class GitFleet {
    final Path dir;

    private GitFleet(Path dir) {
        this.dir = dir;
    }

    static GitFleet withExampleFleet(Path dir) throws IOException {
        GitFleet repo = new GitFleet(dir);
        Path pods = Files.createDirectories(dir.resolve("pods"));
        Path source = Path.of(System.getProperty("podctl.root", "../..")).resolve("pods");
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, pods.resolve(f.getFileName()));
            }
        }
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "test@podctl.invalid");
        repo.git("config", "user.name", "podctl test");
        repo.commit("example fleet");
        return repo;
    }

    GitFleet edit(String file, UnaryOperator<String> change) throws IOException {
        Path path = dir.resolve("pods").resolve(file);
        String before = Files.readString(path);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit of " + file + " changed nothing");
        }
        Files.writeString(path, after);
        return this;
    }

    GitFleet delete(String file) throws IOException {
        Files.delete(dir.resolve("pods").resolve(file));
        return this;
    }

    GitFleet write(String file, String text) throws IOException {
        Files.writeString(dir.resolve("pods").resolve(file), text);
        return this;
    }

    GitFleet commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    /** The last commit against its parent, as the pull-request workflow would compare them. */
    FleetDiff diffLastCommit() {
        return FleetDiffer.diff(new GitSpecs(dir, "pods"), "HEAD~1", "HEAD", List.of());
    }

    void git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
