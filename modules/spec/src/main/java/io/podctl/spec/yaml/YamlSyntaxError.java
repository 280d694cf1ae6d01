package io.podctl.spec.yaml;

/** A file that is not well-formed YAML; the message never quotes the offending text. */
public final class YamlSyntaxError extends Exception {
    private final Position position;

    public YamlSyntaxError(Position position, String message) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
