package io.podctl.spec.load;

import io.podctl.spec.validate.Finding;
import io.podctl.spec.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule 7: secrets are references, never values. Checks {@code spec.secrets} values and every
 * other key that sounds like a credential. Messages name the key and the place, never the value.
 */
final class LiteralSecrets {
    private static final Pattern SSM = Pattern.compile("ssm:/[A-Za-z0-9_.\\-/]+");
    private static final Pattern SECRETS_MANAGER = Pattern.compile("secretsmanager:arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@\\-]+");
    /** Substrings of a key with separators removed: api_key, api-key and apiKey all read apikey. */
    private static final List<String> SENSITIVE_WORDS = List.of("password", "passwd", "passphrase", "secret", "token",
            "credential", "apikey", "privatekey", "accesskey", "clientkey", "signingkey");
    /** Whole words of a key (split at separators and camel case), too short to match inside others: auth, not author. */
    private static final Set<String> SENSITIVE_TOKENS = Set.of("auth", "authorization", "pwd", "pass", "pw");
    /** Values that are credentials whatever their key: AWS key ids, PEM private keys, GitHub/Slack tokens, JWTs. */
    private static final List<Credential> CREDENTIAL_VALUES = List.of(
            new Credential("an AWS access key id", Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}")),
            new Credential("a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
            new Credential("a GitHub token", Pattern.compile("(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}")),
            new Credential("a Slack token", Pattern.compile("xox[abposr]-[A-Za-z0-9-]{10,}")),
            new Credential("a JSON web token", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")));

    private record Credential(String what, Pattern pattern) {
    }

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
                Optional<Credential> credential = credentialIn(s.text());
                if (secretsBlock && !isReference(s.text())) {
                    findings.add(Finding.error(s.position(), "secret '" + key + "' must be a reference (ssm:/path or "
                            + "secretsmanager:arn:...), not a literal value; store the value with 'podctl secrets put'"));
                } else if (!secretsBlock && soundsSecret(key) && !isReference(s.text())) {
                    findings.add(Finding.error(s.position(), "'" + child + "' looks like a credential but holds a literal "
                            + "value; move it to spec.secrets as an ssm:/ or secretsmanager: reference"));
                } else if (!secretsBlock && credential.isPresent()) {
                    findings.add(Finding.error(s.position(), "'" + child + "' holds what looks like " + credential.get().what()
                            + " (not shown); labels and attributes are copied to AWS in clear: remove it and store it with 'podctl secrets put'"));
                }
            } else {
                walk(e.value(), child, findings);
            }
        }
    }

    static boolean soundsSecret(String key) {
        String joined = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (SENSITIVE_WORDS.stream().anyMatch(joined::contains)) {
            return true;
        }
        // words: at separators and at lower-to-upper case changes (basicAuth -> basic, auth)
        for (String word : key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split("[^A-Za-z0-9]+")) {
            if (SENSITIVE_TOKENS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Credential> credentialIn(String value) {
        if (value.length() > 4096) {
            return Optional.empty(); // longer than any tag value; refused by length elsewhere, not scanned
        }
        return CREDENTIAL_VALUES.stream().filter(c -> c.pattern().matcher(value).find()).findFirst();
    }
}
