package io.podctl.plan.render;

/**
 * One secret a host fetches at boot with its instance role. Only the reference is rendered; the
 * value lands in {@code <secretsRoot>/<service>/<variable>} on tmpfs and reaches the service as
 * the environment variable {@code variable}.
 *
 * @param store {@code ssm} or {@code secretsmanager}
 * @param id    the parameter name or the secret ARN
 */
public record SecretFetch(String name, String store, String id, String service, String variable) {}
