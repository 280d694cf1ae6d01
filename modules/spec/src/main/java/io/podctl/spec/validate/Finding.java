package io.podctl.spec.validate;

import io.podctl.spec.yaml.Position;

/** One problem in a spec, printed like a compiler diagnostic: {@code FILE:LINE:COLUMN: error: MESSAGE}. */
public record Finding(Severity severity, Position position, String message) {

    public static Finding error(Position position, String message) {
        return new Finding(Severity.ERROR, position, message);
    }

    public static Finding warning(Position position, String message) {
        return new Finding(Severity.WARNING, position, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return position + ": " + severity.label() + ": " + message;
    }
}
