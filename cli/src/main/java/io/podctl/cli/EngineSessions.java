package io.podctl.cli;

import io.podctl.aws.inventory.Ec2PodSubnets;
import io.podctl.plan.PodPlan;
import io.podctl.plan.SubnetClash;
import java.util.List;

import io.podctl.aws.AwsContext;
import io.podctl.engine.AutomationEngine;
import io.podctl.engine.EngineSettings;
import io.podctl.engine.EngineSetupException;
import io.podctl.engine.PulumiCli;
import io.podctl.engine.StackEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What the engine commands need from the outside world: an engine (after the checks that must pass
 * before anything runs) and the user's stdin. Tests pass their own.
 */
record EngineSessions(Opener opener, Supplier<BufferedReader> stdin, DeployedSubnets subnets) {

    /** The subnets a pod has in AWS now: what an update must not collide with. */
    @FunctionalInterface
    interface DeployedSubnets {
        List<SubnetClash.DeployedSubnet> of(PodPlan plan, PodOptions options);
    }

    /** For a fake engine: no AWS behind it, so nothing deployed to collide with. */
    EngineSessions(Opener opener, Supplier<BufferedReader> stdin) {
        this(opener, stdin, (plan, options) -> List.of());
    }

    /** Opens a {@link StackEngine} for the options, or throws a {@link UserError} (exit 2). */
    @FunctionalInterface
    interface Opener {
        StackEngine open(PodOptions options);
    }

    static EngineSessions real() {
        return new EngineSessions(EngineSessions::openLocal,
                () -> new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                (plan, options) -> new Ec2PodSubnets(AwsContext.fromEnvironment(options.endpointUrl).withRegion(plan.region())).of(plan.pod()));
    }

    static Optional<URI> endpoint(PodOptions options) {
        try {
            return AwsContext.fromEnvironment(options.endpointUrl).endpoint();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The checks run in this order, each before anything is touched: CLI, credentials, passphrase. */
    private static StackEngine openLocal(PodOptions options) {
        Map<String, String> env = System.getenv();
        try {
            com.pulumi.automation.PulumiCommand cli = PulumiCli.open(PulumiCli.require(env));
            requireCredentials();
            Optional<URI> endpoint = endpoint(options);
            endpoint.ifPresent(EngineSessions::requireReachable);
            EngineSettings settings = EngineSettings.from(options.root(), options.backend, env, endpoint,
                    options.timeout());
            return new AutomationEngine(settings, cli);
        } catch (EngineSetupException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** An endpoint override that does not answer would otherwise cost minutes of provider retries. */
    static void requireReachable(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 3000);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("the AWS endpoint " + endpoint + " is not reachable (" + e.getMessage()
                    + "): start it (e.g. moto_server) or fix --endpoint-url / AWS_ENDPOINT_URL; nothing was run");
        }
    }

    static void requireCredentials() {
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new UserError("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
                    + " (a profile in ~/.aws/credentials or an SSO login), or run where an instance or task role applies");
        }
    }
}
