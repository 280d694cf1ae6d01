package io.podctl.engine;

/**
 * The engine cannot start: no or too old a Pulumi CLI, no passphrase, a bad backend URL. Raised
 * before any stack is touched; the message says what to install or set.
 */
public final class EngineSetupException extends RuntimeException {

    public EngineSetupException(String message) {
        super(message);
    }
}
