package io.podctl.engine;

/** An operation that passed its time limit; it was cancelled and its pulumi processes ended. */
public final class EngineTimeout extends EngineFailure {

    public EngineTimeout(String message) {
        super(message);
    }
}
