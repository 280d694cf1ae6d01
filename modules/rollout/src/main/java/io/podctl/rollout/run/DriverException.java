package io.podctl.rollout.run;

/** A driver could not act on a node; the message names the node and what went wrong. */
public class DriverException extends Exception {

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
