package io.podctl.engine;

import com.pulumi.automation.events.DiagnosticEvent;
import com.pulumi.automation.events.EngineEvent;
import com.pulumi.automation.events.StepEventMetadata;
import com.pulumi.automation.events.SummaryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns the engine's event stream into {@link ProgressListener} calls: a resource operation starts
 * at its pre-event and ends at its outputs or failed event, which gives its elapsed time. Also keeps
 * the steps and the summary for the operation's result.
 */
final class EngineEvents implements Consumer<EngineEvent> {

    private final ProgressListener listener;
    private final LongSupplier nanoClock;
    private final Map<String, Long> startedAt = new HashMap<>();
    private final List<ResourceStep> steps = new ArrayList<>();
    private final List<String> resourceErrors = new ArrayList<>();
    private Map<ResourceOp, Integer> summary = Map.of();

    EngineEvents(ProgressListener listener, LongSupplier nanoClock) {
        this.listener = listener;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void accept(EngineEvent event) {
        if (event.resourcePreEvent() != null) {
            StepEventMetadata meta = event.resourcePreEvent().metadata();
            ResourceStep step = step(meta);
            steps.add(step);
            if (Boolean.TRUE.equals(event.resourcePreEvent().planning())) {
                listener.planned(step);
            } else {
                startedAt.put(key(meta), nanoClock.getAsLong());
                listener.started(step);
            }
        } else if (event.resourceOutputsEvent() != null) {
            if (!Boolean.TRUE.equals(event.resourceOutputsEvent().planning())) {
                end(event.resourceOutputsEvent().metadata(), false);
            }
        } else if (event.resourceOperationFailedEvent() != null) {
            end(event.resourceOperationFailedEvent().metadata(), true);
        } else if (event.diagnosticEvent() != null) {
            DiagnosticEvent d = event.diagnosticEvent();
            // debug and info lines are the CLI's chatter; errors and warnings matter to the user
            if (("error".equals(d.severity()) || "warning".equals(d.severity())) && d.message() != null) {
                listener.diagnostic(d.severity(), d.message().strip());
                if ("error".equals(d.severity()) && d.urn() != null && !d.urn().isBlank()) {
                    resourceErrors.add(resourceError(d.urn(), d.message()));
                }
            }
        } else if (event.summaryEvent() != null) {
            SummaryEvent s = event.summaryEvent();
            summary = counts(s.resourceChanges());
            listener.summary(summary, Duration.ofSeconds(s.durationSeconds()));
        }
    }

    synchronized List<ResourceStep> steps() {
        return List.copyOf(steps);
    }

    /** One line per resource the engine reported an error for: "TYPE NAME: first line". */
    synchronized List<String> resourceErrors() {
        return List.copyOf(resourceErrors);
    }

    static String resourceError(String urn, String message) {
        String[] parts = urn.split("::");
        String name = parts[parts.length - 1];
        String typeChain = parts.length >= 2 ? parts[parts.length - 2] : "";
        String type = typeChain.substring(typeChain.lastIndexOf('$') + 1);
        String first = message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("failed");
        return type + " " + name + ": " + first;
    }

    /** The summary event's counts; empty when none arrived. */
    synchronized Map<ResourceOp, Integer> summary() {
        return summary;
    }

    static Map<ResourceOp, Integer> counts(Map<com.pulumi.automation.OperationType, Integer> changes) {
        Map<ResourceOp, Integer> counts = new EnumMap<>(ResourceOp.class);
        if (changes != null) {
            changes.forEach((type, n) -> counts.merge(ResourceOp.of(type), n == null ? 0 : n, Integer::sum));
        }
        return counts;
    }

    private void end(StepEventMetadata meta, boolean failed) {
        Long start = startedAt.remove(key(meta));
        Duration elapsed = start == null ? Duration.ZERO : Duration.ofNanos(nanoClock.getAsLong() - start);
        listener.finished(step(meta), elapsed, failed);
    }

    private static ResourceStep step(StepEventMetadata meta) {
        return new ResourceStep(meta.urn(), meta.type(), ResourceOp.of(meta.op()), meta.diffs());
    }

    /** A replacement runs several steps on one URN; the op keeps them apart. */
    private static String key(StepEventMetadata meta) {
        return meta.urn() + "|" + meta.op();
    }
}
