package io.podctl.engine;

/** A stack operation that ran and did not succeed; the message says which and why. */
public class EngineFailure extends RuntimeException {

    public EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineFailure(String message) {
        super(message);
    }
}
