package io.podctl.engine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Renders progress as plain lines, one per resource operation, for terminals and CI logs alike:
 *
 * <pre>
 *   + create   aws:ec2/vpc:Vpc  prd-pod-1-vpc  (2.4s)
 *   ! create   aws:ec2/instance:Instance  prd-pod-1-zk-1  FAILED (31.0s)
 * done: 3 create, 12 same (45s)
 * </pre>
 *
 * Unchanged resources are left out: a pod has dozens and they would bury the changes.
 */
public final class ProgressLines implements ProgressListener {

    private final PrintWriter out;

    public ProgressLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void planned(ResourceStep step) {
        if (step.op().changes()) {
            line(symbol(step.op()), step, step.diffs().isEmpty() ? "" : "  [" + String.join(", ", step.diffs()) + "]");
        }
    }

    @Override
    public void finished(ResourceStep step, Duration elapsed, boolean failed) {
        if (step.op().changes() || failed) {
            line(failed ? "!" : symbol(step.op()), step, (failed ? "  FAILED" : "") + "  (" + seconds(elapsed) + ")");
        }
    }

    @Override
    public void diagnostic(String severity, String message) {
        out.println("  " + severity + ": " + message);
        out.flush();
    }

    @Override
    public void summary(Map<ResourceOp, Integer> counts, Duration elapsed) {
        out.println("summary: " + new StackChanges(counts, java.util.List.of()).describe() + " (" + elapsed.toSeconds() + "s)");
        out.flush();
    }

    private void line(String symbol, ResourceStep step, String suffix) {
        out.printf(Locale.ROOT, "  %s %-18s %s  %s%s%n", symbol, step.op().label(), step.type(), step.name(), suffix);
        out.flush();
    }

    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0);
    }

    private static String symbol(ResourceOp op) {
        return switch (op) {
            case CREATE, CREATE_REPLACEMENT, IMPORT -> "+";
            case DELETE, DELETE_REPLACED -> "-";
            case UPDATE -> "~";
            case REPLACE -> "+-";
            default -> " ";
        };
    }
}
