package io.podctl.preview;

import io.podctl.spec.validate.Finding;
import java.util.List;

/** A revision whose specs do not load or a pod whose program fails: nothing to diff until it is fixed. */
public final class SpecErrors extends RuntimeException {
    private final List<String> lines;

    public SpecErrors(String summary, List<String> lines) {
        super(summary);
        this.lines = List.copyOf(lines);
    }

    static SpecErrors of(String revision, List<Finding> errors) {
        return new SpecErrors("the specs at " + revision + " have " + errors.size() + " error(s)",
                errors.stream().map(Finding::toString).toList());
    }

    /** One line per problem, {@code FILE:LINE:COLUMN: error: MESSAGE} for spec findings. */
    public List<String> lines() {
        return lines;
    }
}
