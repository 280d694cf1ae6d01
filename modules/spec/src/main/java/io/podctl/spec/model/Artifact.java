package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One release file of one component version on the team's mirror: where hosts fetch it at boot
 * and the digest they check before installing. Exactly one of sha256 and sha512.
 *
 * @param libmesos for a Marathon entry: the Mesos version whose libmesos it was built against,
 *                 installed on dedicated Marathon hosts (shared hosts use their master's Mesos)
 */
public record Artifact(
        @JsonProperty(required = true) @JsonPropertyDescription("https:// or s3:// location on a mirror the team controls.") String url,
        @JsonPropertyDescription("Hex SHA-256 of the file.") String sha256,
        @JsonPropertyDescription("Hex SHA-512 of the file.") String sha512,
        @JsonPropertyDescription("Marathon only: the Mesos version of the libmesos it needs.") String libmesos) {

    /** The checksum tool the boot script runs: sha256 or sha512 (sha256sum, sha512sum). */
    public String algorithm() {
        return sha512 != null ? "sha512" : "sha256";
    }

    public String digest() {
        return sha512 != null ? sha512 : sha256;
    }
}
