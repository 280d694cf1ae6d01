package io.podctl.engine;

/** A read of a pod's stack that was never deployed: reads create no stack, so there is nothing to show. */
public final class StackNotFound extends EngineFailure {

    public StackNotFound(String pod) {
        super("pod " + pod + " has no stack yet (never deployed): 'podctl up " + pod + "' creates it");
    }
}
