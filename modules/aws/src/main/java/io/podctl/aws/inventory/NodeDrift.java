package io.podctl.aws.inventory;

/** A planned node whose instance runs another version than planned (or carries no version). */
public record NodeDrift(ExpectedNode expected, PodInstance actual) {

    public String actualVersion() {
        return actual.version().orElse("(untagged)");
    }
}
