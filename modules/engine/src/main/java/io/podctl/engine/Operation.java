package io.podctl.engine;

/** The stack operations podctl runs. */
public enum Operation {
    PREVIEW, UP, DESTROY, REFRESH, OUTPUTS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
