package io.podctl.spec.yaml;

/** A place in a source file, 1-based, as printed in findings: {@code FILE:LINE:COLUMN}. */
public record Position(String file, int line, int column) {

    public static Position startOf(String file) {
        return new Position(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
