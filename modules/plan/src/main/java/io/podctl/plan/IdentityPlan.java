package io.podctl.plan;

import java.util.List;

/**
 * The instance roles of the pod. Control hosts may read only the pod's own SSM parameters
 * (/pods/<pod>/*) and the Secrets Manager secrets the spec references. Agents, which run
 * other teams' tasks, get a role of their own that reads only the agents' own credential:
 * never Marathon's or the masters' secrets.
 *
 * @param ssmParameterPaths  parameter name prefixes, e.g. /pods/prd-pod-1/ (ARNs are built with the account at deploy time)
 * @param secretArns         exact Secrets Manager ARNs referenced by the spec
 * @param agentRoleName      the agents' role and instance profile
 * @param agentSecrets       the references agents fetch at boot (ssm:/pods/<pod>/... or secretsmanager:arn:...)
 */
public record IdentityPlan(String roleName, List<String> ssmParameterPaths, List<String> secretArns, String agentRoleName,
        List<String> agentSecrets) {

    public IdentityPlan {
        ssmParameterPaths = List.copyOf(ssmParameterPaths);
        secretArns = List.copyOf(secretArns);
        agentSecrets = List.copyOf(agentSecrets);
    }
}
