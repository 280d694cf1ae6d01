package io.podctl.preview;

import io.podctl.spec.load.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The spec files of one revision, read through git (never by checking the revision out, so the
 * user's working tree is never touched). A null ref means the working tree as it is on disk.
 */
public final class GitSpecs {
    private final Path repo;
    private final String podsDir;

    /** @param podsDir the pods directory relative to the repository root, e.g. {@code pods} */
    public GitSpecs(Path repo, String podsDir) {
        this.repo = repo;
        this.podsDir = podsDir;
    }

    /** The top level of the git repository containing {@code dir}. */
    public static Path topLevel(Path dir) {
        return Path.of(git(dir, "rev-parse", "--show-toplevel").strip());
    }

    /** The merge base with origin/main when that branch exists, else HEAD~1: what a pull request compares against. */
    public String defaultBase() {
        Optional<String> mergeBase = tryGit("merge-base", "HEAD", "origin/main");
        if (mergeBase.isPresent()) {
            return mergeBase.get().strip();
        }
        return tryGit("rev-parse", "--verify", "--quiet", "HEAD~1").map(String::strip)
                .orElseThrow(() -> new GitException("no base revision: there is neither origin/main nor HEAD~1; pass --base REF"));
    }

    /** Checks that a ref names a commit, so a typo fails with the ref's name rather than with "no pods". */
    public void requireCommit(String ref) {
        if (tryGit("rev-parse", "--verify", "--quiet", ref + "^{commit}").isEmpty()) {
            throw new GitException("unknown revision '" + ref + "'");
        }
    }

    /** Every YAML file of the pods directory at {@code ref}, named {@code ref:pods/file.yaml} for findings. */
    public List<SpecLoader.Source> read(String ref) {
        return ref == null ? readWorkingTree() : readCommit(ref);
    }

    private List<SpecLoader.Source> readWorkingTree() {
        Path dir = repo.resolve(podsDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SpecLoader.Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(GitSpecs::isYaml).sorted().toList()) {
                sources.add(new SpecLoader.Source(podsDir + "/" + file.getFileName(), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new GitException("cannot read " + dir + ": " + e.getMessage());
        }
        return sources;
    }

    /** One ls-tree and one cat-file --batch for the whole directory: a process per file is slow with large fleets. */
    private List<SpecLoader.Source> readCommit(String ref) {
        requireCommit(ref);
        List<String[]> blobs = new ArrayList<>();
        for (String line : git(repo, "ls-tree", ref, "--", podsDir + "/").split("\n")) {
            // <mode> SP <type> SP <object> TAB <path>
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] meta = line.substring(0, tab).split(" ");
            String path = line.substring(tab + 1);
            if (meta[1].equals("blob") && isYaml(Path.of(path))) {
                blobs.add(new String[] {meta[2], path});
            }
        }
        blobs.sort((a, b) -> a[1].compareTo(b[1]));
        if (blobs.isEmpty()) {
            return List.of();
        }
        StringBuilder request = new StringBuilder();
        blobs.forEach(b -> request.append(b[0]).append('\n'));
        byte[] out = run(repo, request.toString(), "cat-file", "--batch");
        List<SpecLoader.Source> sources = new ArrayList<>();
        int at = 0;
        for (String[] blob : blobs) {
            int headerEnd = indexOf(out, (byte) '\n', at);
            String[] header = new String(out, at, headerEnd - at, StandardCharsets.UTF_8).split(" ");
            int size = Integer.parseInt(header[2]);
            String text = new String(out, headerEnd + 1, size, StandardCharsets.UTF_8);
            sources.add(new SpecLoader.Source(ref + ":" + blob[1], text));
            at = headerEnd + 1 + size + 1; // content is followed by a newline
        }
        return sources;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new GitException("unexpected output from git cat-file");
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private Optional<String> tryGit(String... args) {
        try {
            return Optional.of(git(repo, args));
        } catch (GitException e) {
            return Optional.empty();
        }
    }

    private static String git(Path dir, String... args) {
        return new String(run(dir, null, args), StandardCharsets.UTF_8);
    }

    private static byte[] run(Path dir, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            int exit = p.waitFor();
            if (exit != 0) {
                throw new GitException("git " + String.join(" ", args) + " failed: "
                        + new String(stderr.join(), StandardCharsets.UTF_8).strip());
            }
            return stdout.join();
        } catch (IOException e) {
            throw new GitException("cannot run git (is it installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new GitException("cannot read git output: " + e.getMessage());
        }
    }

    /** git is missing, a ref is unknown, or the directory is not a repository. */
    public static final class GitException extends RuntimeException {
        public GitException(String message) {
            super(message);
        }
    }
}
