package io.podctl.spec.load;

import io.podctl.spec.model.Pod;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.validate.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything read from the given paths: the pods, and every finding in file/line order. */
public record SpecSet(List<LoadedPod> pods, List<Finding> findings, int filesRead) {

    public SpecSet {
        pods = List.copyOf(pods);
        findings = findings.stream()
                .sorted(Comparator.comparing((Finding f) -> f.position().file())
                        .thenComparingInt(f -> f.position().line())
                        .thenComparingInt(f -> f.position().column()))
                .toList();
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    public Optional<LoadedPod> find(String name) {
        return pods.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    /** The pods ready for planning: bound completely. Callers check {@link #hasErrors()} first. */
    public List<Pod> validPods() {
        return pods.stream().filter(LoadedPod::complete).map(LoadedPod::pod).toList();
    }

    public List<String> podNames() {
        return pods.stream().map(LoadedPod::name).filter(n -> n != null).sorted().toList();
    }
}
