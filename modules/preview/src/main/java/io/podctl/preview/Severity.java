package io.podctl.preview;

/** How much a risk should slow a reviewer down. */
public enum Severity {
    HIGH("🔴"), MEDIUM("🟠"), LOW("🟡");

    private final String badge;

    Severity(String badge) {
        this.badge = badge;
    }

    public String badge() {
        return badge;
    }
}
