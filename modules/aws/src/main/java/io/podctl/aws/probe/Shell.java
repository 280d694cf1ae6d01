package io.podctl.aws.probe;

/** Quoting for the command text sent to a host. */
final class Shell {

    private Shell() {}

    /** One shell word whatever {@code text} holds. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Runs {@code script} under bash: Run Command starts its scripts with sh, which lacks /dev/tcp and $(<...). */
    static String bash(String script) {
        return "exec bash -c " + quote(script);
    }
}
