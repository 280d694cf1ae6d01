package io.podctl.spec.load;

import io.podctl.spec.validate.Finding;
import io.podctl.spec.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule 7: secrets are references, never values. Checks {@code spec.secrets} values and every
 * other key that sounds like a credential. Messages name the key and the place, never the value.
 */
final class LiteralSecrets {
    private static final Pattern SSM = Pattern.compile("ssm:/[A-Za-z0-9_.\\-/]+");
    private static final Pattern SECRETS_MANAGER = Pattern.compile("secretsmanager:arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@\\-]+");
    private static final List<String> SENSITIVE_WORDS = List.of("password", "secret", "token", "credential");

    private LiteralSecrets() {}

    public static boolean isReference(String value) {
        return SSM.matcher(value).matches() || SECRETS_MANAGER.matcher(value).matches();
    }

    static void check(YamlNode root, List<Finding> findings) {
        walk(root, "", findings);
    }

    private static void walk(YamlNode node, String path, List<Finding> findings) {
        if (node instanceof YamlNode.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                walk(seq.items().get(i), path + "[" + i + "]", findings);
            }
        }
        if (!(node instanceof YamlNode.Mapping map)) {
            return;
        }
        boolean secretsBlock = path.equals("spec.secrets") || path.equals("spec.defaults.secrets");
        for (YamlNode.Entry e : map.entries()) {
            String key = e.key().text();
            String child = path.isEmpty() ? key : path + "." + key;
            if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
                if (secretsBlock && !isReference(s.text())) {
                    findings.add(Finding.error(s.position(), "secret '" + key + "' must be a reference (ssm:/path or "
                            + "secretsmanager:arn:...), not a literal value; store the value with 'podctl secrets put'"));
                } else if (!secretsBlock && soundsSecret(key) && !isReference(s.text())) {
                    findings.add(Finding.error(s.position(), "'" + child + "' looks like a credential but holds a literal "
                            + "value; move it to spec.secrets as an ssm:/ or secretsmanager: reference"));
                }
            } else {
                walk(e.value(), child, findings);
            }
        }
    }

    private static boolean soundsSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SENSITIVE_WORDS.stream().anyMatch(k::contains);
    }
}
