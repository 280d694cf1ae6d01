package io.podctl.preview;

import java.util.regex.Pattern;

/**
 * Secret references (ssm:/path, secretsmanager:arn) may be shown; values never. The spec loader
 * already rejects literal secrets and the plan holds references only, so this is the last check
 * before text leaves podctl: anything under {@code secrets} that is not a reference is hidden.
 */
final class SecretGuard {
    static final String HIDDEN = "(hidden: not a secret reference)";
    private static final Pattern REFERENCE = Pattern.compile("(ssm:/|secretsmanager:arn:)[\\w./:+=@-]+");

    private SecretGuard() {}

    static String before(ValueChange change) {
        return shown(change, change.before(), change.beforeText());
    }

    static String after(ValueChange change) {
        return shown(change, change.after(), change.afterText());
    }

    private static String shown(ValueChange change, Object value, String text) {
        if (value == null || !isSecretPath(change.path())) {
            return text;
        }
        return value instanceof String s && REFERENCE.matcher(s).matches() ? s : HIDDEN;
    }

    private static boolean isSecretPath(String path) {
        return path.startsWith("spec.secrets") || path.contains(".secrets.") || path.startsWith("secrets");
    }
}
