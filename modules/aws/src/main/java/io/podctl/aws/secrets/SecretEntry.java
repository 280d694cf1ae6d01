package io.podctl.aws.secrets;

import java.time.Instant;

/**
 * A stored pod secret as {@code podctl secrets list} shows it: where, and when it last changed.
 * Holds no value by design.
 */
public record SecretEntry(String key, String parameterName, Instant lastModified) {}
