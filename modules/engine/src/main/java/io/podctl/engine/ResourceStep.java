package io.podctl.engine;

/**
 * One operation on one resource, as the engine announced it.
 *
 * @param urn  the engine's resource URN
 * @param type the resource type token, e.g. {@code aws:ec2/instance:Instance}
 */
public record ResourceStep(String urn, String type, ResourceOp op, java.util.List<String> diffs) {

    /**
     * @param diffs the top-level properties whose change causes an update or replacement (empty otherwise)
     */
    public ResourceStep {
        diffs = diffs == null ? java.util.List.of() : java.util.List.copyOf(diffs);
    }

    public ResourceStep(String urn, String type, ResourceOp op) {
        this(urn, type, op, java.util.List.of());
    }

    /** The logical name: the part of the URN after the last {@code ::}. */
    public String name() {
        int at = urn.lastIndexOf("::");
        return at < 0 ? urn : urn.substring(at + 2);
    }
}
