package io.podctl.aws.boot;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * The boot markers of one pod, read from SSM with one paginated GetParametersByPath. Hosts write
 * them with their own role; podctl only reads. A host with no marker is still booting, or never
 * reached its first step.
 */
public final class BootMarkers {
    private final Map<String, BootMarker> byKey;
    private final Map<String, String> unreadable;

    private BootMarkers(Map<String, BootMarker> byKey, Map<String, String> unreadable) {
        this.byKey = byKey;
        this.unreadable = unreadable;
    }

    /** Where the pod's markers live; the bootstrap's report-step writes below it. */
    public static String statusPath(String pod) {
        return "/pods/" + pod + "/status";
    }

    public static BootMarkers read(AwsContext aws, String pod) {
        String root = statusPath(pod) + "/";
        Map<String, BootMarker> markers = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        try (SsmClient ssm = aws.ssm()) {
            for (var page : ssm.getParametersByPathPaginator(r -> r.path(statusPath(pod)).recursive(true))) {
                for (Parameter p : page.parameters()) {
                    String key = p.name().substring(root.length());
                    BootMarker.parse(key, p.value()).ifPresentOrElse(m -> markers.put(key, m), () -> unreadable.put(key, p.name()));
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.failed("GetParametersByPath " + statusPath(pod), e);
        }
        return new BootMarkers(markers, unreadable);
    }

    /** A control node's marker ({@code control-1}). */
    public Optional<BootMarker> control(String node) {
        return Optional.ofNullable(byKey.get(node));
    }

    /** An agent's marker, by its pool's node ({@code agents-general}) and its instance id. */
    public Optional<BootMarker> agent(String poolNode, String instanceId) {
        return Optional.ofNullable(byKey.get(poolNode + "/" + instanceId));
    }

    /** Parameters under the status path whose value is not a marker: named, never echoed. */
    public Map<String, String> unreadable() {
        return Map.copyOf(unreadable);
    }

    public Map<String, BootMarker> all() {
        return Map.copyOf(byKey);
    }
}
