package io.podctl.rollout.run;

import io.podctl.rollout.health.Endpoint;
import java.io.IOException;

/**
 * The leading master answered 401: its read-write endpoints and operator API require HTTP
 * authentication and the operator credential was missing or not one of its credentials.
 */
public final class MesosOperatorRefused extends IOException {

    /** The secret reference under spec.secrets that names the operator's principal and secret. */
    public static final String SECRET = "mesosOperatorCredential";

    public MesosOperatorRefused(String pod, Endpoint master, String call) {
        super("pod " + (pod.isBlank() ? "(unnamed)" : pod) + ": the Mesos master " + master + " refused " + call
                + " with 401 Unauthorized; secret " + SECRET + " must name a principal:secret that the masters' mesosCredentials list");
    }
}
