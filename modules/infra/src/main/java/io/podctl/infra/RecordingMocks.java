package io.podctl.infra;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock engine's view of AWS: every resource is "created" with its inputs echoed back, plus
 * the computed outputs the program reads (so nothing stays unknown, even in preview mode), and
 * the few invokes the program makes are answered. Ids are the logical names, which makes
 * references between resources readable in plans and stable across runs.
 */
public final class RecordingMocks implements Mocks {
    /** The account the mock deploys into (it appears in ARNs). */
    public static final String ACCOUNT_ID = "123456789012";
    /** What an output looks like that only AWS can know, e.g. an address picked by an existing subnet. */
    public static final String KNOWN_AFTER_DEPLOY = "(known after deploy)";

    private final String region;
    private final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
    private final List<String> invokes = Collections.synchronizedList(new ArrayList<>());

    public RecordingMocks(String region) {
        this.region = region;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        inputs.put(key(args.type, args.name), args.inputs);
        Map<String, Object> state = new HashMap<>(args.inputs);
        state.putAll(computed(args));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        invokes.add(args.token);
        return switch (args.token) {
            case "aws:index/getRegion:getRegion" -> CompletableFuture.completedFuture(Map.of(
                    "name", region, "id", region, "description", region, "endpoint", "ec2." + region + ".amazonaws.com"));
            case "aws:index/getCallerIdentity:getCallerIdentity" -> CompletableFuture.completedFuture(Map.of(
                    "accountId", ACCOUNT_ID, "id", ACCOUNT_ID, "userId", "podctl-plan",
                    "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/podctl-plan"));
            default -> CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "the mock engine cannot answer invoke " + args.token + "; teach RecordingMocks about it"));
        };
    }

    /** The inputs a resource was registered with (numbers arrive as Double), or null. */
    public Map<String, Object> inputsOf(String type, String name) {
        return inputs.get(key(type, name));
    }

    /** Invoke tokens in call order. */
    public List<String> invokes() {
        synchronized (invokes) {
            return List.copyOf(invokes);
        }
    }

    private Map<String, Object> computed(ResourceArgs args) {
        String name = (String) args.inputs.getOrDefault("name", args.name);
        String arnPrefix = "arn:aws:";
        return switch (args.type) {
            case "aws:ec2/networkInterface:NetworkInterface" -> {
                Object ips = args.inputs.get("privateIps");
                String ip = ips instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : KNOWN_AFTER_DEPLOY;
                yield Map.of("privateIp", ip, "privateIps", List.of(ip));
            }
            case "aws:route53/zone:Zone" -> Map.of("zoneId", args.name);
            case "aws:iam/role:Role" -> Map.of("name", name, "arn", arnPrefix + "iam::" + ACCOUNT_ID + ":role/" + name);
            case "aws:iam/instanceProfile:InstanceProfile" ->
                    Map.of("name", name, "arn", arnPrefix + "iam::" + ACCOUNT_ID + ":instance-profile/" + name);
            case "aws:ec2/launchTemplate:LaunchTemplate" -> Map.of("latestVersion", 1,
                    "arn", arnPrefix + "ec2:" + region + ":" + ACCOUNT_ID + ":launch-template/" + args.name);
            case "aws:autoscaling/group:Group" -> Map.of("name", name);
            default -> Map.of();
        };
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
