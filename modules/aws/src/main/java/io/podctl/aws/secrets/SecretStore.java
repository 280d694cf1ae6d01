package io.podctl.aws.secrets;

import java.util.List;

/** Pod secrets as SSM SecureStrings under {@code /pods/<pod>/}. Values go in, never out. */
public interface SecretStore {

    /**
     * Stores (or overwrites) a secret. Neither the value nor anything derived from it appears in logs
     * or exception messages.
     *
     * @return the parameter name, e.g. {@code /pods/prd-pod-1/marathon/http-credentials}
     * @throws IllegalArgumentException for a bad pod name or key (the message shows the key)
     */
    String put(String pod, String key, char[] value);

    default String put(String pod, String key, String value) {
        return put(pod, key, value.toCharArray());
    }

    /** Names and modification dates of the pod's secrets, sorted by key. */
    List<SecretEntry> list(String pod);
}
