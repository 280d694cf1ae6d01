package io.podctl.spec.load;

import io.podctl.spec.model.ArtifactManifest;
import io.podctl.spec.model.ArtifactsFile;
import io.podctl.spec.model.Fleet;
import io.podctl.spec.model.Pod;
import io.podctl.spec.validate.ArtifactRules;
import io.podctl.spec.validate.FleetRules;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.validate.PodRules;
import io.podctl.spec.yaml.Position;
import io.podctl.spec.yaml.SourceMap;
import io.podctl.spec.yaml.YamlNode;
import io.podctl.spec.yaml.YamlReader;
import io.podctl.spec.yaml.YamlSyntaxError;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads pod and fleet files from paths (files or directories), merges fleet defaults under each
 * pod, binds them strictly and runs every spec rule. Never throws on bad input: each problem is
 * a {@link Finding} with its file, line and column.
 */
public final class SpecLoader {
    public static final String API_VERSION = "podctl/v1";
    public static final String FLEET_FILE = "fleet.yaml";
    /**
     * Pod and fleet files are a few KiB; the limit keeps a hostile pull request (a 50 MB label)
     * from tying up the pod-diff job. Checked before a file is read and before any parsing.
     */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    public static final String ARTIFACTS_FILE = "artifacts.yaml";

    private SpecLoader() {}

    /** Loads one file's worth of text; used for specs read from git revisions too. */
    public record Source(String file, String text) {}

    public static SpecSet load(List<Path> paths) {
        List<Finding> findings = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        Set<Path> fleetFiles = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(SpecLoader::hasYamlName).sorted().filter(p -> readable(path, p, findings)).forEach(files::add);
                } catch (IOException e) {
                    findings.add(Finding.error(Position.startOf(path.toString()), "cannot list directory: " + e.getMessage()));
                }
                fleetFiles.add(path.resolve(FLEET_FILE));
            } else if (Files.exists(path)) {
                if (readable(null, path, findings)) {
                    files.add(path);
                }
                fleetFiles.add(path.getParent() == null ? Path.of(FLEET_FILE) : path.getParent().resolve(FLEET_FILE));
            } else {
                findings.add(Finding.error(Position.startOf(path.toString()), "no such file or directory"));
            }
        }
        List<Path> manifests = new ArrayList<>();
        for (Path fleet : fleetFiles) {
            if (Files.exists(fleet, java.nio.file.LinkOption.NOFOLLOW_LINKS) && files.stream().noneMatch(f -> sameFile(f, fleet))
                    && findings.stream().noneMatch(f -> f.position().file().equals(fleet.toString()))
                    && readable(fleet.getParent(), fleet, findings)) {
                files.add(fleet);
            }
            Path manifest = fleet.resolveSibling(ARTIFACTS_FILE);
            manifests.add(manifest);
            if (Files.isRegularFile(manifest) && files.stream().noneMatch(f -> sameFile(f, manifest))) {
                files.add(manifest);
            }
        }
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new Source(file.toString(), Files.readString(file)));
            } catch (MalformedInputException e) {
                findings.add(Finding.error(Position.startOf(file.toString()), "file is not UTF-8 text"));
            } catch (IOException e) {
                findings.add(Finding.error(Position.startOf(file.toString()), "cannot read file: " + e.getMessage()));
            }
        }
        // a fleet on disk must have its manifest: without it no host could install anything
        String requiredManifest = manifests.isEmpty() ? null : manifests.get(0).toString();
        SpecSet set = loadSources(sources, requiredManifest);
        findings.addAll(set.findings());
        return new SpecSet(set.pods(), findings, set.filesRead());
    }

    /**
     * Binds and validates in-memory sources (a fleet file is recognised by {@code kind: Fleet},
     * the artifact manifest by {@code kind: Artifacts}). Without a manifest among them, pods are
     * not checked against one (specs of a git revision that had none, tests).
     */
    public static SpecSet loadSources(List<Source> sources) {
        return loadSources(sources, null);
    }

    /** @param requiredManifest where the manifest should be; with none among the sources, each pod's versions are errors */
    private static SpecSet loadSources(List<Source> sources, String requiredManifest) {
        List<Finding> findings = new ArrayList<>();
        List<Parsed> pods = new ArrayList<>();
        YamlNode defaults = null;
        ArtifactManifest manifest = null;
        String manifestFile = requiredManifest;
        for (Source source : sources) {
            Optional<YamlNode> root = parse(source, findings);
            if (root.isEmpty()) {
                continue;
            }
            String kind = kindOf(root.get(), source.file(), findings);
            if ("Fleet".equals(kind)) {
                defaults = bindFleet(source.file(), root.get(), findings).orElse(defaults);
            } else if ("Artifacts".equals(kind)) {
                manifest = bindArtifacts(source.file(), root.get(), findings);
                manifestFile = source.file();
            } else if ("Pod".equals(kind)) {
                pods.add(new Parsed(source.file(), root.get()));
            }
        }
        List<LoadedPod> loaded = new ArrayList<>();
        for (Parsed parsed : pods) {
            loaded.add(bindPod(parsed, defaults, findings));
        }
        for (LoadedPod pod : loaded) {
            if (pod.complete()) {
                findings.addAll(PodRules.check(pod));
                if (manifest != null || requiredManifest != null) {
                    findings.addAll(ArtifactRules.checkPod(pod, manifest == null ? ArtifactManifest.NONE : manifest, manifestFile));
                }
            }
        }
        if (manifest != null) {
            ArtifactManifest attached = manifest;
            loaded.replaceAll(p -> p.pod() == null ? p : new LoadedPod(p.file(), p.pod().withArtifacts(attached), p.where(), p.complete()));
        }
        findings.addAll(FleetRules.check(loaded.stream().filter(LoadedPod::complete).toList()));
        return new SpecSet(loaded, findings, sources.size());
    }

    private record Parsed(String file, YamlNode root) {}

    private static Optional<YamlNode> parse(Source source, List<Finding> findings) {
        if (source.text().length() > MAX_FILE_BYTES) {
            findings.add(Finding.error(Position.startOf(source.file()), tooBig(source.text().length(), "characters")));
            return Optional.empty();
        }
        try {
            YamlNode root = YamlReader.read(source.file(), source.text());
            if (root == null) {
                findings.add(Finding.error(Position.startOf(source.file()), "file is empty; expected a Pod or Fleet document"));
                return Optional.empty();
            }
            if (!(root instanceof YamlNode.Mapping)) {
                findings.add(Finding.error(root.position(), "expected a mapping with apiVersion, kind, metadata and spec, not " + root.describe()));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (YamlSyntaxError e) {
            findings.add(Finding.error(e.position(), e.getMessage()));
            return Optional.empty();
        }
    }

    private static String kindOf(YamlNode root, String file, List<Finding> findings) {
        YamlNode.Mapping map = (YamlNode.Mapping) root;
        Optional<YamlNode> kind = map.get("kind");
        if (kind.isEmpty()) {
            findings.add(Finding.error(root.position(), "missing required field 'kind' (Pod or Fleet)"));
            return null;
        }
        if (kind.get() instanceof YamlNode.Scalar s && (s.text().equals("Pod") || s.text().equals("Fleet") || s.text().equals("Artifacts"))) {
            return s.text();
        }
        findings.add(Finding.error(kind.get().position(), "'kind' must be Pod, Fleet or Artifacts"));
        return null;
    }

    private static Optional<YamlNode> bindFleet(String file, YamlNode root, List<Finding> findings) {
        SourceMap where = new SourceMap(Position.startOf(file));
        Binder binder = new Binder(findings, where, path -> !path.startsWith("spec.defaults"));
        Fleet fleet = binder.bindRecord(root, Fleet.class, "");
        LiteralSecrets.check(root, findings);
        checkApiVersion(fleet == null ? null : fleet.apiVersion(), where, findings);
        return ((YamlNode.Mapping) root).get("spec")
                .flatMap(spec -> spec instanceof YamlNode.Mapping m ? m.get("defaults") : Optional.empty());
    }

    /**
     * Where each entry of a manifest file sits ({@code spec.<component>.<version>.url}), for
     * findings made after loading, such as {@code validate --online}'s missing objects.
     */
    public static SourceMap artifactPositions(String file, String text) {
        List<Finding> ignored = new ArrayList<>();
        SourceMap where = new SourceMap(Position.startOf(file));
        parse(new Source(file, text), ignored).ifPresent(root -> new Binder(ignored, where, path -> true).bindRecord(root, ArtifactsFile.class, ""));
        return where;
    }

    /** The manifest, or an empty one when the file is too broken to bind (its errors are reported). */
    private static ArtifactManifest bindArtifacts(String file, YamlNode root, List<Finding> findings) {
        SourceMap where = new SourceMap(Position.startOf(file));
        Binder binder = new Binder(findings, where, path -> true);
        ArtifactsFile bound = binder.bindRecord(root, ArtifactsFile.class, "");
        checkApiVersion(bound == null ? null : bound.apiVersion(), where, findings);
        if (bound == null || bound.spec() == null) {
            return ArtifactManifest.NONE;
        }
        ArtifactManifest manifest = new ArtifactManifest(bound.spec());
        findings.addAll(ArtifactRules.checkFile(manifest, where));
        return manifest;
    }

    private static LoadedPod bindPod(Parsed parsed, YamlNode defaults, List<Finding> findings) {
        YamlNode.Mapping root = (YamlNode.Mapping) parsed.root();
        LiteralSecrets.check(root, findings);
        YamlNode merged = root;
        if (defaults != null) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            for (YamlNode.Entry e : root.entries()) {
                entries.add(e.key().text().equals("spec") ? new YamlNode.Entry(e.key(), DefaultsMerge.under(e.value(), defaults)) : e);
            }
            merged = new YamlNode.Mapping(root.position(), List.copyOf(entries));
        }
        SourceMap where = new SourceMap(Position.startOf(parsed.file()));
        Binder binder = new Binder(findings, where, path -> true);
        Pod pod = binder.bindRecord(merged, Pod.class, "");
        checkApiVersion(pod == null ? null : pod.apiVersion(), where, findings);
        return new LoadedPod(parsed.file(), pod, where, pod != null && !binder.incomplete());
    }

    private static void checkApiVersion(String apiVersion, SourceMap where, List<Finding> findings) {
        if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
            findings.add(Finding.error(where.at("apiVersion"), "'apiVersion' must be " + API_VERSION + ", not '" + apiVersion + "'"));
        }
    }

    private static boolean hasYamlName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * Whether a spec file may be read; each reason it may not is a finding, never a silent skip.
     *
     * @param directory the pods directory it was listed from (a symlink must stay inside), or null for a file named directly
     */
    private static boolean readable(Path directory, Path file, List<Finding> findings) {
        Position where = Position.startOf(file.toString());
        try {
            if (directory != null && Files.isSymbolicLink(file)) {
                Path target = file.toRealPath();
                if (!target.startsWith(directory.toRealPath())) {
                    findings.add(Finding.error(where, "is a symbolic link to a file outside " + directory + ": not read"
                            + " (pod files must live in the pods directory)"));
                    return false;
                }
            }
            if (!Files.isRegularFile(file)) {
                findings.add(Finding.error(where, "is not a regular file (a directory, pipe or device): not read"));
                return false;
            }
            if (!Files.isReadable(file)) {
                findings.add(Finding.error(where, "cannot be read: permission denied"));
                return false;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                findings.add(Finding.error(where, tooBig(size, "bytes")));
                return false;
            }
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            findings.add(Finding.error(where, "is a symbolic link to nothing (" + linkTarget(file) + "): not read"));
            return false;
        } catch (IOException e) {
            findings.add(Finding.error(where, "cannot be read: " + e.getMessage()));
            return false;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "unresolvable";
        }
    }

    private static String tooBig(long size, String unit) {
        return "is " + size + " " + unit + ", over the " + MAX_FILE_BYTES / 1024 + " KiB limit of a pod or fleet file: not parsed";
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
