package io.podctl.cli;

import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import io.podctl.spec.validate.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds one valid pod by name in the pods directory, or says why not (exit 2). */
final class Pods {

    private Pods() {}

    static LoadedPod load(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("no pods directory at " + dir + " (use --pods DIR)");
        }
        SpecSet set = SpecLoader.load(List.of(dir));
        LoadedPod pod = set.find(name).orElseThrow(() -> new UserError(
                "no pod named '" + name + "' in " + dir + "; known pods: " + String.join(", ", set.podNames())));
        List<Finding> errors = set.findings().stream()
                .filter(Finding::isError)
                .filter(f -> f.position().file().equals(pod.file()) || f.position().file().endsWith(SpecLoader.FLEET_FILE))
                .toList();
        if (!errors.isEmpty() || !pod.complete()) {
            throw new UserError("pod " + name + " has spec errors; nothing was run:\n"
                    + String.join("\n", errors.stream().map(Finding::toString).toList())
                    + "\n(run: podctl validate " + pod.file() + ")");
        }
        return pod;
    }

    static Pod find(Path dir, String name) {
        return load(dir, name).pod();
    }
}
