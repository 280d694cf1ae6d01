package io.podctl.plan;

import java.util.List;

/**
 * The instance role of the pod's hosts: it may read only the pod's own SSM parameters
 * (/pods/<pod>/*) and the Secrets Manager secrets the spec references.
 *
 * @param ssmParameterPaths  parameter name prefixes, e.g. /pods/prd-pod-1/ (ARNs are built with the account at deploy time)
 * @param secretArns         exact Secrets Manager ARNs referenced by the spec
 */
public record IdentityPlan(String roleName, List<String> ssmParameterPaths, List<String> secretArns) {

    public IdentityPlan {
        ssmParameterPaths = List.copyOf(ssmParameterPaths);
        secretArns = List.copyOf(secretArns);
    }
}
