package io.podctl.engine;

/** Another run holds the pod's stack lock: nothing failed, the operation has to wait (exit 3). */
public final class StackBusy extends EngineFailure {

    public StackBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
