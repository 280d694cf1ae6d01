package io.podctl.plan.render;

import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which spec secret each role consumes and how. Only hosts of the consuming role fetch a secret,
 * so adding or moving one replaces only those hosts. Secrets no role consumes are not fetched.
 */
public final class PodSecrets {
    static final String MARATHON_HTTP_CREDENTIALS = "marathonHttpCredentials";
    /** The masters' --credentials file: JSON {"credentials": [{"principal": ..., "secret": ...}, ...]} for Marathon and the agents. */
    static final String MESOS_CREDENTIALS = "mesosCredentials";
    /** An agent's --credential file: JSON {"principal": ..., "secret": ...}, one of the masters' credentials. */
    static final String MESOS_AGENT_CREDENTIAL = "mesosAgentCredential";
    /** The secret of Marathon's Mesos principal, plain text (--mesos_authentication_secret_file). */
    static final String MARATHON_MESOS_SECRET = "marathonMesosSecret";

    private record Use(Role role, String service, String variable) {}

    private static final Map<String, Use> USES = Map.of(
            // Marathon reads MARATHON_<FLAG> variables: the credentials never show on a command line
            MARATHON_HTTP_CREDENTIALS, new Use(Role.MARATHON, "marathon", "MARATHON_HTTP_CREDENTIALS"),
            // Mesos' credential flags take a file path: these stay files on tmpfs, outside the
            // directories exec-with-flags turns into environment variables
            MESOS_CREDENTIALS, new Use(Role.MESOS_MASTER, "mesos-master", "credentials"),
            MESOS_AGENT_CREDENTIAL, new Use(Role.MESOS_AGENT, "mesos-agent", "credential"),
            MARATHON_MESOS_SECRET, new Use(Role.MARATHON, "marathon-mesos", "secret"));

    private PodSecrets() {}

    static List<SecretFetch> fetchesFor(PodPlan plan, Set<Role> roles) {
        return plan.secrets().entrySet().stream()
                .filter(e -> USES.containsKey(e.getKey()) && roles.contains(USES.get(e.getKey()).role()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> fetch(e.getKey(), e.getValue(), USES.get(e.getKey())))
                .toList();
    }

    /** The references of the secrets hosts of {@code role} fetch (the agent role may read these and no other). */
    public static List<String> referencesConsumedBy(Map<String, String> secrets, Role role) {
        return secrets.entrySet().stream().filter(e -> USES.containsKey(e.getKey()) && USES.get(e.getKey()).role() == role)
                .map(Map.Entry::getValue).sorted().toList();
    }

    /** Where a fetched secret lands on the host, for flags that take a file; null when the spec does not reference it. */
    static String fileOf(PodPlan plan, String name) {
        if (!has(plan, name)) {
            return null;
        }
        Use use = USES.get(name);
        return Layout.STANDARD.secretsRoot() + "/" + use.service() + "/" + use.variable();
    }

    /** Where a host finds a boot-fetched secret, e.g. Marathon's credentials for a probe run on the host. */
    public static java.util.Optional<String> hostFile(PodPlan plan, String name) {
        return java.util.Optional.ofNullable(USES.containsKey(name) ? fileOf(plan, name) : null);
    }

    static boolean has(PodPlan plan, String name) {
        return plan.secrets().containsKey(name);
    }

    /** Splits a validated reference: {@code ssm:/path} or {@code secretsmanager:arn:...}. */
    private static SecretFetch fetch(String name, String reference, Use use) {
        int colon = reference.indexOf(':');
        String store = colon < 0 ? "" : reference.substring(0, colon);
        if (!store.equals("ssm") && !store.equals("secretsmanager")) {
            // the spec validator rejects these; never echo the value, it may be a pasted secret
            throw new IllegalArgumentException("secret " + name + " is not an ssm: or secretsmanager: reference");
        }
        return new SecretFetch(name, store, reference.substring(colon + 1), use.service(), use.variable());
    }
}
