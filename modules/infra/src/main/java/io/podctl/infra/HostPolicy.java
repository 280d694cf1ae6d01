package io.podctl.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.plan.IdentityPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM documents of the pod's hosts. A control host may read its own pod's SSM parameters and
 * the Secrets Manager secrets the spec names; an agent only the agents' own credential. Every
 * statement lists exact resources, except the SSM agent's channel actions, which AWS does not
 * scope to resources.
 */
final class HostPolicy {
    static final List<String> SSM_READ = List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath");
    static final String SECRET_READ = "secretsmanager:GetSecretValue";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What the SSM agent needs for Run Command (the rollout's probes) and Session Manager (admin
     * shells, instead of SSH). Not the managed AmazonSSMManagedInstanceCore policy: that one also
     * grants ssm:GetParameter on every parameter of the account.
     */
    static final List<String> SSM_AGENT = List.of("ssm:UpdateInstanceInformation", "ssm:ListInstanceAssociations",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel", "ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage", "ec2messages:FailMessage",
            "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply");

    private HostPolicy() {}

    /** Lets EC2 instances take the role. */
    static String assumeRoleByEc2() {
        return json(document(List.of(Map.of(
                "Effect", "Allow",
                "Principal", Map.of("Service", "ec2.amazonaws.com"),
                "Action", "sts:AssumeRole"))));
    }

    /** The permissions, with parameter ARNs built from the deploying account and region. */
    static String readPodConfig(IdentityPlan identity, String region, String accountId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(allow("ReadPodParameters", SSM_READ, parameterArns(identity, region, accountId)));
        // boot markers: a host records its failed or finished boot steps under /pods/<pod>/status/
        statements.add(allow("WriteBootStatus", List.of("ssm:PutParameter"), parameterArns(identity, region, accountId).stream()
                .map(arn -> arn.substring(0, arn.length() - 1) + "status/*").toList()));
        if (!identity.secretArns().isEmpty()) {
            statements.add(allow("ReadPodSecrets", List.of(SECRET_READ), identity.secretArns()));
        }
        statements.add(allow("SsmAgent", SSM_AGENT, List.of("*")));
        return json(document(statements));
    }

    /**
     * An agent's permissions: its own credential (exact parameter or secret), its boot markers
     * under /pods/<pod>/status/agents-*, and the SSM agent. A task that reaches the metadata
     * service gets no more than this.
     */
    static String agent(String pod, IdentityPlan identity, String region, String accountId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        List<String> parameters = identity.agentSecrets().stream().filter(r -> r.startsWith("ssm:"))
                .map(r -> "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + r.substring("ssm:".length())).toList();
        List<String> secrets = identity.agentSecrets().stream().filter(r -> r.startsWith("secretsmanager:"))
                .map(r -> r.substring("secretsmanager:".length())).toList();
        if (!parameters.isEmpty()) {
            statements.add(allow("ReadAgentCredential", SSM_READ.subList(0, 1), parameters));
        }
        if (!secrets.isEmpty()) {
            statements.add(allow("ReadAgentSecret", List.of(SECRET_READ), secrets));
        }
        statements.add(allow("WriteBootStatus", List.of("ssm:PutParameter"),
                List.of("arn:aws:ssm:" + region + ":" + accountId + ":parameter/pods/" + pod + "/status/agents-*")));
        statements.add(allow("SsmAgent", SSM_AGENT, List.of("*")));
        return json(document(statements));
    }

    /** {@code /pods/prd-pod-1/} becomes {@code arn:aws:ssm:<region>:<account>:parameter/pods/prd-pod-1/*}. */
    static List<String> parameterArns(IdentityPlan identity, String region, String accountId) {
        return identity.ssmParameterPaths().stream()
                .map(path -> "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + (path.endsWith("/") ? path : path + "/") + "*")
                .toList();
    }

    private static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }

    private static Map<String, Object> document(List<? extends Map<String, ?>> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return doc;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
