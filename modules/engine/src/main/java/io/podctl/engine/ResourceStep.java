package io.podctl.engine;

/**
 * One operation on one resource, as the engine announced it.
 *
 * @param urn  the engine's resource URN
 * @param type the resource type token, e.g. {@code aws:ec2/instance:Instance}
 */
public record ResourceStep(String urn, String type, ResourceOp op) {

    /** The logical name: the part of the URN after the last {@code ::}. */
    public String name() {
        int at = urn.lastIndexOf("::");
        return at < 0 ? urn : urn.substring(at + 2);
    }
}
