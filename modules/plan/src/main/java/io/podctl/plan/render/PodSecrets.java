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
final class PodSecrets {
    static final String MARATHON_HTTP_CREDENTIALS = "marathonHttpCredentials";

    private record Use(Role role, String service, String variable) {}

    private static final Map<String, Use> USES = Map.of(
            // Marathon reads MARATHON_<FLAG> variables: the credentials never show on a command line
            MARATHON_HTTP_CREDENTIALS, new Use(Role.MARATHON, "marathon", "MARATHON_HTTP_CREDENTIALS"));

    private PodSecrets() {}

    static List<SecretFetch> fetchesFor(PodPlan plan, Set<Role> roles) {
        return plan.secrets().entrySet().stream()
                .filter(e -> USES.containsKey(e.getKey()) && roles.contains(USES.get(e.getKey()).role()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> fetch(e.getKey(), e.getValue(), USES.get(e.getKey())))
                .toList();
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
