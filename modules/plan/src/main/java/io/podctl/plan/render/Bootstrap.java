package io.podctl.plan.render;

import io.podctl.plan.RenderedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one instance gets at boot, collected role by role: files, the install scripts to run and
 * the systemd units to enable. Insertion order is kept so the same plan always renders the same
 * user-data (a changed user-data replaces the instance).
 */
final class Bootstrap {
    static final String CONFIG = "0644";
    static final String EXECUTABLE = "0755";

    private final Layout layout = Layout.STANDARD;
    private final Map<String, RenderedFile> files = new LinkedHashMap<>();
    private final Set<String> installScripts = new LinkedHashSet<>();
    private final Set<String> units = new LinkedHashSet<>();

    /** Adds a rendered file; a role may add a file another role already added (install-mesos on shared hosts). */
    Bootstrap file(String path, String mode, String template, Object model) {
        RenderedFile file = new RenderedFile(path, mode, Templates.render(template, model));
        RenderedFile earlier = files.putIfAbsent(path, file);
        if (earlier != null && !earlier.equals(file)) {
            throw new IllegalStateException("two different files for " + path);
        }
        return this;
    }

    /** A script of ours that user-data runs once, e.g. to install a pinned version. */
    Bootstrap installer(String name, String template, Object model) {
        String path = layout.script(name);
        installScripts.add(path);
        return file(path, EXECUTABLE, template, model);
    }

    /** A helper script that units call. */
    Bootstrap script(String name, String template, Object model) {
        return file(layout.script(name), EXECUTABLE, template, model);
    }

    /** A systemd unit that user-data enables and starts. */
    Bootstrap service(String unit, String template, Object model) {
        units.add(unit);
        return file(layout.unit(unit), CONFIG, template, model);
    }

    List<RenderedFile> files() {
        return List.copyOf(files.values());
    }

    String userData(String pod, String node, List<String> roles) {
        return Templates.render("cloud-init/user-data.yaml.ftl",
                new UserDataModel(pod, node, roles, files(), new ArrayList<>(installScripts), new ArrayList<>(units)));
    }
}
