package io.podctl.tests.engine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.podctl.aws.MotoEndpoint;
import io.podctl.tests.Podctl;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real Pulumi engine as the tests use it: the CLI and the bridged aws provider that
 * {@code scripts/install-pulumi} builds into {@code .tools/pulumi/bin} (or a pulumi on PATH), with
 * every AWS call going to moto.
 */
final class RealEngine {

    static final String PASSPHRASE = "real-engine-test-passphrase";

    private RealEngine() {}

    /**
     * The folder holding {@code pulumi}. Missing tools fail the test under CI=true (CI installs
     * them through scripts/test-deps) and skip it on a developer machine, saying how to get them.
     */
    static Path bin() {
        Optional<Path> dir = Optional.of(Podctl.repoRoot().resolve(".tools/pulumi/bin"))
                .filter(d -> Files.isExecutable(d.resolve("pulumi")))
                .or(RealEngine::pulumiOnPath);
        if (dir.isEmpty()) {
            String why = "no Pulumi CLI in .tools/pulumi/bin or on PATH: run scripts/install-pulumi";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI must run the real engine tests, not skip them)");
            }
            assumeTrue(false, why);
        }
        return dir.get();
    }

    /** The environment of a podctl process that deploys into moto. */
    static Map<String, String> env(MotoEndpoint moto) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
        env.put("PODCTL_PASSPHRASE", PASSPHRASE);
        env.put("AWS_ACCESS_KEY_ID", MotoEndpoint.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", MotoEndpoint.SECRET_KEY);
        env.put("AWS_REGION", MotoEndpoint.REGION);
        env.put("AWS_ENDPOINT_URL", moto.uri().toString());
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        return env;
    }

    private static Optional<Path> pulumiOnPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank()).map(Path::of)
                .filter(d -> Files.isExecutable(d.resolve("pulumi"))).findFirst();
    }
}
