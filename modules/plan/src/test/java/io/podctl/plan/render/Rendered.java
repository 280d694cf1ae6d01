package io.podctl.plan.render;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.RenderedFile;
import io.podctl.spec.SpecFixtures;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.Yaml;

/** Reads rendered files back the way their consumers do, so tests assert on meaning, not text. */
final class Rendered {
    static final String PROD = "prd-pod-1";
    static final String NOT_PROD = "not-prod-pod-1";

    private Rendered() {}

    static PodPlan examplePlan(String pod) {
        return PodPlanner.plan(SpecFixtures.examplePod(pod));
    }

    static String file(Host host, String path) {
        return file(host.files(), path);
    }

    static String file(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " among " + files.stream().map(RenderedFile::path).toList()))
                .content();
    }

    static boolean hasFile(List<RenderedFile> files, String path) {
        return files.stream().anyMatch(f -> f.path().equals(path));
    }

    /** zoo.cfg as ZooKeeper reads it: a java.util.Properties file. */
    static Properties zooCfg(Host host) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(file(host, Layout.STANDARD.zooCfg())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * A flags file as exec-with-flags passes it on: one --name=value argument per non-comment line;
     * a bare --name (Marathon's toggles) maps to "".
     */
    static Map<String, String> flags(String content) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("--")) {
                throw new AssertionError("not a --name=value flag: " + line);
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line.substring(2) : line.substring(2, equals);
            if (flags.put(name, equals < 0 ? "" : line.substring(equals + 1)) != null) {
                throw new AssertionError("flag --" + name + " given twice");
            }
        }
        return flags;
    }

    /** The cloud-init document as cloud-init parses it. */
    static Map<String, Object> cloudConfig(String userData) {
        if (!userData.startsWith("#cloud-config\n")) {
            throw new AssertionError("user-data does not start with #cloud-config");
        }
        return new Yaml().load(userData);
    }

    /** write_files of a cloud-init document, by path. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> writeFiles(String userData) {
        Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) cloudConfig(userData).get("write_files")) {
            byPath.put((String) entry.get("path"), entry);
        }
        return byPath;
    }

    @SuppressWarnings("unchecked")
    static List<String> runcmd(String userData) {
        return (List<String>) cloudConfig(userData).get("runcmd");
    }
}
