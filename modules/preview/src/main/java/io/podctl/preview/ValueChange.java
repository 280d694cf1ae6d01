package io.podctl.preview;

/**
 * One value that differs between two revisions.
 *
 * @param path   where, e.g. {@code spec.versions.mesos}, {@code tags.podctl:versions} or {@code spec.agents[batch].count}
 * @param before the old value (plain data), null when the path is new
 * @param after  the new value, null when the path is gone
 */
public record ValueChange(String path, Object before, Object after) {

    /** The first segment of the path: the input a provider decides replacement on. */
    public String topLevelKey() {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    public String beforeText() {
        return Display.value(before);
    }

    public String afterText() {
        return Display.value(after);
    }
}
