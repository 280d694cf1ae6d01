package io.podctl.plan.render;

import io.podctl.plan.RenderedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one instance gets at boot, collected role by role: files, the boot steps (checks,
 * mounts, installs) in order and the role services that start once every step succeeded.
 * Insertion order is kept so the same plan always renders the same user-data (a changed
 * user-data replaces the instance).
 */
final class Bootstrap {
    static final String CONFIG = "0644";
    static final String EXECUTABLE = "0755";
    /** Role services require this target: it is reached when the last step succeeded. */
    static final String STEPS_TARGET = "podctl-steps.target";

    private final Layout layout = Layout.STANDARD;
    private final String pod;
    private final String region;
    private final String statusPath;
    private final boolean perInstance;
    private final Map<String, RenderedFile> files = new LinkedHashMap<>();
    private final List<BootStep> steps = new ArrayList<>();
    private final Set<String> services = new LinkedHashSet<>();

    /**
     * @param node        the control node, or the agent pool's node (agents-general)
     * @param perInstance true for agent pools: each instance reports under the pool's path by its instance id
     */
    Bootstrap(String pod, String region, String node, boolean perInstance) {
        this.pod = pod;
        this.region = region;
        this.statusPath = statusPath(pod, node);
        this.perInstance = perInstance;
    }

    /** Where a node's boot markers live in SSM: what {@code podctl status} reads and the host's role may write. */
    static String statusPath(String pod, String node) {
        return "/pods/" + pod + "/status/" + node;
    }

    /** Adds a rendered file; a role may add a file another role already added (install-mesos on shared hosts). */
    Bootstrap file(String path, String mode, String template, Object model) {
        RenderedFile file = new RenderedFile(path, mode, Templates.render(template, model));
        RenderedFile earlier = files.putIfAbsent(path, file);
        if (earlier != null && !earlier.equals(file)) {
            throw new IllegalStateException("two different files for " + path);
        }
        return this;
    }

    /** The next boot step, running the script rendered from {@code template}; a step already added is kept where it was. */
    Bootstrap step(String name, String description, String script, String template, Object model, String timeout) {
        file(layout.script(script), EXECUTABLE, template, model);
        String unit = "podctl-" + name + ".service";
        if (steps.stream().noneMatch(s -> s.unit().equals(unit))) {
            String previous = steps.isEmpty() ? null : steps.get(steps.size() - 1).unit();
            steps.add(new BootStep(steps.size() + 1, name, unit, description, previous, layout.script(script), timeout));
        }
        return this;
    }

    boolean hasStep(String name) {
        return steps.stream().anyMatch(s -> s.name().equals(name));
    }

    /** A helper script that steps and units call. */
    Bootstrap script(String name, String template, Object model) {
        return file(layout.script(name), EXECUTABLE, template, model);
    }

    /** A role's systemd unit, started after every boot step succeeded. */
    Bootstrap service(String unit, String template, Object model) {
        services.add(unit);
        return file(layout.unit(unit), CONFIG, template, model);
    }

    /** Every file, the step units and markers included; call once all roles are added. */
    List<RenderedFile> files() {
        Map<String, RenderedFile> all = new LinkedHashMap<>(files);
        Map<String, Object> context = Map.of("pod", pod, "region", region, "statusPath", statusPath, "perInstance", perInstance);
        put(all, layout.script("report-step"), EXECUTABLE, "host/report-step.sh.ftl", context);
        put(all, layout.unit("podctl-step-failed@.service"), CONFIG, "host/podctl-step-failed@.service.ftl", context);
        for (BootStep step : steps) {
            put(all, layout.unit(step.unit()), CONFIG, "host/step.service.ftl", Map.of("pod", pod, "step", step));
        }
        put(all, layout.unit(STEPS_TARGET), CONFIG, "host/podctl-steps.target.ftl", Map.of("pod", pod, "last", lastStep()));
        List<String> booted = new ArrayList<>(services);
        booted.add(0, STEPS_TARGET);
        put(all, layout.unit("podctl-booted.service"), CONFIG, "host/podctl-booted.service.ftl",
                Map.of("pod", pod, "requires", booted, "last", lastStep().replace(".service", "")));
        return List.copyOf(all.values());
    }

    private String lastStep() {
        if (steps.isEmpty()) {
            throw new IllegalStateException("a host without boot steps");
        }
        return steps.get(steps.size() - 1).unit();
    }

    private static void put(Map<String, RenderedFile> all, String path, String mode, String template, Object model) {
        all.put(path, new RenderedFile(path, mode, Templates.render(template, model)));
    }

    /** Units cloud-init enables and starts (without waiting): the steps pull each other in order. */
    List<String> units() {
        List<String> units = new ArrayList<>(steps.stream().map(BootStep::unit).toList());
        units.add(STEPS_TARGET);
        units.addAll(services);
        units.add("podctl-booted.service");
        return units;
    }

    List<BootStep> steps() {
        return List.copyOf(steps);
    }

    String userData(String node, List<String> roles) {
        return Templates.render("cloud-init/user-data.yaml.ftl", new UserDataModel(pod, node, roles, files(), units()));
    }
}
