package io.podctl.engine;

import java.time.Duration;
import java.util.Map;

/** Receives progress while an operation runs; called from the engine's event thread. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {};

    /** A resource operation was planned (preview): there is no end, so no elapsed time. */
    default void planned(ResourceStep step) {}

    default void started(ResourceStep step) {}

    /** A resource operation ended, after {@code elapsed} since it started. */
    default void finished(ResourceStep step, Duration elapsed, boolean failed) {}

    /** An error or warning the engine reported, e.g. the provider's message for a failed create. */
    default void diagnostic(String severity, String message) {}

    /** The engine's closing summary. */
    default void summary(Map<ResourceOp, Integer> counts, Duration elapsed) {}
}
