package io.podctl.cli;

import io.podctl.aws.AwsContext;
import io.podctl.aws.backend.BackendLocation;
import io.podctl.aws.blob.BlobStateStore;
import io.podctl.aws.blob.S3BlobStore;
import io.podctl.aws.command.SsmRunCommand;
import io.podctl.aws.inventory.Ec2AgentInstances;
import io.podctl.aws.inventory.Ec2NodeStopper;
import io.podctl.aws.inventory.Ec2PodInventory;
import io.podctl.aws.inventory.PodInstance;
import io.podctl.aws.inventory.SsmServiceStopper;
import io.podctl.aws.inventory.ZooKeeperVolumeSnapshot;
import io.podctl.aws.probe.SsmProbes;
import io.podctl.aws.probe.SsmTargets;
import io.podctl.aws.secrets.SecretReader;
import io.podctl.engine.ProgressLines;
import io.podctl.engine.StackEngine;
import io.podctl.engine.rollout.PulumiNodeDriver;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.JournalState;
import io.podctl.rollout.journal.StateStore;
import io.podctl.rollout.health.HttpCredentials;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.plan.UnconfirmedSteps;
import io.podctl.rollout.run.DirectTargets;
import io.podctl.rollout.run.DriverException;
import io.podctl.rollout.run.MesosOperatorRefused;
import io.podctl.rollout.run.PodNotDeployed;
import io.podctl.rollout.run.NodeDriver;
import io.podctl.rollout.run.PodTargets;
import io.podctl.rollout.run.local.LocalFleetDriver;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** The options every rollout subcommand shares, and what they load: specs, the driver, the journal. */
final class RolloutContext {

    @Option(names = "--pods", paramLabel = "DIR", description = "Pod specs (default: pods/).")
    Path pods = Path.of("pods");

    @Option(names = "--local", paramLabel = "FILE",
            description = "A local fleet JSON file: ZooKeeper processes on loopback are the deployed nodes.")
    Path local;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where journals and locks live (default: .podctl/).")
    Path stateDir = Path.of(".podctl");

    @Option(names = "--backend", paramLabel = "URL",
            description = "Keep the journal, lock and flags in s3://bucket/prefix (shared by scheduled CI runs) instead of --state-dir.")
    String backend;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "AWS endpoint override for the S3 backend (e.g. an emulator).")
    String endpointUrl;

    @Option(names = "--probes", paramLabel = "direct|ssm|auto",
            description = "How health gates and agent maintenance reach a pod: direct (its private DNS names, from inside its VPC), "
                    + "ssm (commands on the pod's own hosts through SSM Run Command), or auto (direct when the pod's names resolve "
                    + "from here, else ssm; the default). The choice is printed per pod.")
    String probes = "auto";

    /** The journal key: one rollout per fleet at a time. */
    String fleet() {
        if (local == null) {
            return "fleet";
        }
        String name = local.getFileName().toString();
        return "local-" + (name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
    }

    Journal journal() {
        return new Journal(store(), fleet());
    }

    private StateStore store() {
        if (backend == null || backend.startsWith("file://")) {
            return new DirectoryStateStore(backend == null ? stateDir : Path.of(backend.substring("file://".length())));
        }
        if (!backend.startsWith("s3://")) {
            throw new UserError("--backend must be s3://bucket/prefix or file://DIR, not " + backend);
        }
        try {
            AwsContext aws = AwsContext.fromEnvironment(endpointUrl);
            return new BlobStateStore(new S3BlobStore(aws, BackendLocation.parse(backend)));
        } catch (IllegalArgumentException e) {
            throw new UserError("bad --backend " + backend + ": " + e.getMessage());
        }
    }

    static final String MARATHON_CREDENTIALS = "marathonHttpCredentials";

    /** Who moves the nodes and where their health is read: a local fleet, or Pulumi plus direct probes. */
    record Runner(NodeDriver driver, PodTargets targets, Predicate<String> knows) {
    }

    /** @param out where the engine's progress lines go: the command's own output */
    Runner runner(SpecSet specs, PrintWriter out) {
        ProbeRoutes.Choice choice = ProbeRoutes.Choice.parse(probes);
        if (local != null) {
            if (choice == ProbeRoutes.Choice.SSM) {
                throw new UserError("--probes ssm needs deployed pods: a local fleet's servers are probed directly on loopback");
            }
            LocalFleetDriver driver = localDriver();
            return new Runner(driver, driver, driver::knows);
        }
        PodOptions engineOptions = new PodOptions();
        engineOptions.pods = pods;
        engineOptions.backend = backend;
        engineOptions.endpointUrl = endpointUrl;
        StackEngine engine = EngineSessions.real().opener().open(engineOptions);
        AwsContext aws = AwsContext.fromEnvironment(endpointUrl);
        Map<String, String> regions = new LinkedHashMap<>();
        specs.validPods().forEach(p -> regions.put(p.name(), p.spec().region()));
        PulumiNodeDriver.NodeStopper stopper = (pod, node, role, hostOnlyRunsRole) -> {
            AwsContext regional = aws.withRegion(regions.get(pod));
            try {
                if (hostOnlyRunsRole) {
                    new Ec2NodeStopper(regional).stop(pod, node);
                } else {
                    // a shared host keeps its ZooKeeper server and Mesos master: stop the process only
                    try (SsmRunCommand remote = new SsmRunCommand(regional)) {
                        new SsmServiceStopper(regional, remote, Duration.ofMinutes(2)).stop(pod, node, role.wire());
                    }
                }
            } catch (RuntimeException e) {
                throw new DriverException("cannot stop " + role.wire() + " on " + pod + "/" + node + ": " + e.getMessage());
            }
        };
        PulumiNodeDriver.AgentFleet agents = new PulumiNodeDriver.AgentFleet() {
            @Override
            public List<NodeVersions> versions(String pod, String poolNode) throws DriverException {
                try {
                    return new Ec2AgentInstances(aws.withRegion(regions.get(pod))).versions(pod, poolNode).values().stream()
                            .map(PulumiNodeDriver::parseTag).toList();
                } catch (RuntimeException e) {
                    throw new DriverException("cannot list the agents of " + pod + "/" + poolNode + ": " + e.getMessage());
                }
            }

            @Override
            public void terminate(String pod, String poolNode, String privateIp) throws DriverException {
                try {
                    new Ec2AgentInstances(aws.withRegion(regions.get(pod))).terminate(pod, poolNode, privateIp);
                } catch (RuntimeException e) {
                    throw new DriverException("cannot replace the agent of " + pod + "/" + poolNode + " at " + privateIp + ": " + e.getMessage());
                }
            }
        };
        PulumiNodeDriver driver = new PulumiNodeDriver(engine, specs.validPods(), plan -> PodPrograms.forPlan(plan, true),
                stopper, new ProgressLines(out), agents, (pod, hostName, reason) -> {
                    try {
                        return new ZooKeeperVolumeSnapshot(aws.withRegion(regions.get(pod))).snapshot(pod, hostName, reason);
                    } catch (RuntimeException e) {
                        throw new DriverException("cannot snapshot the ZooKeeper data volume of " + hostName + ": " + e.getMessage());
                    }
                });
        // the probes log in with the pod's secrets (Marathon's, the Mesos operator's); values are never printed
        DirectTargets direct = new DirectTargets(plan -> credentials(aws, plan, MARATHON_CREDENTIALS),
                plan -> credentials(aws, plan, MesosOperatorRefused.SECRET));
        Map<String, SsmTargets> ssm = new java.util.concurrent.ConcurrentHashMap<>();
        ProbeRoutes targets = new ProbeRoutes(choice, direct, plan -> ssm.computeIfAbsent(plan.pod(), name -> {
            AwsContext regional = aws.withRegion(plan.region());
            return new SsmTargets(new SsmRunCommand(regional), pod -> runningNodes(regional, pod), SsmProbes.DEADLINE);
        }), ProbeRoutes.DNS, line -> {
            out.println(line);
            out.flush();
        });
        return new Runner(driver, targets, pod -> true);
    }

    /** A secret of the pod's spec as basic credentials, read from here (direct probes only). */
    private static Optional<HttpCredentials> credentials(AwsContext aws, io.podctl.plan.PodPlan plan, String secret) {
        return Optional.ofNullable(plan.secrets().get(secret)).map(reference -> {
            try {
                return HttpCredentials.parse(new SecretReader(aws.withRegion(plan.region())).read(reference));
            } catch (IllegalArgumentException e) {
                throw new UserError(plan.pod() + ": secret " + secret + " (" + reference + "): " + e.getMessage());
            }
        });
    }

    /** Each control node's running instance, by its podctl:node tag. */
    private static Map<String, String> runningNodes(AwsContext regional, io.podctl.plan.PodPlan pod) {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (PodInstance instance : new Ec2PodInventory(regional).instances(pod.pod())) {
            boolean agent = instance.role().filter(Role.MESOS_AGENT.wire()::equals).isPresent();
            if (instance.running() && !agent && instance.node().isPresent()) {
                byNode.putIfAbsent(instance.node().get(), instance.instanceId());
            }
        }
        return byNode;
    }

    private LocalFleetDriver localDriver() {
        if (!Files.isRegularFile(local)) {
            throw new UserError("local fleet file " + local + " does not exist");
        }
        try {
            return new LocalFleetDriver(local);
        } catch (IOException e) {
            throw new UserError("cannot read local fleet " + local + ": " + e.getMessage());
        }
    }

    SpecSet specs() {
        SpecSet specs = SpecLoader.load(List.of(pods));
        if (specs.hasErrors()) {
            throw new UserError(specs.errors() + " spec error(s) under " + pods + ": run 'podctl validate' first");
        }
        return specs;
    }

    /** The plan for the pods the driver knows, plus a note per pod it skipped. */
    record Loaded(RolloutPlan plan, List<String> skipped) {
    }

    /** @param journal steps whose gate never passed keep their node in the plan (see UnconfirmedSteps) */
    Loaded plan(SpecSet specs, Runner runner, JournalState journal) {
        NodeDriver driver = runner.driver();
        List<Pod> desired = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Map<String, NodeVersions>> deployed = new LinkedHashMap<>();
        for (Pod pod : specs.validPods()) {
            if (!runner.knows().test(pod.name())) {
                skipped.add(pod.name() + ": not in the local fleet, skipped");
                continue;
            }
            try {
                deployed.put(pod.name(), UnconfirmedSteps.overlay(journal, pod.name(), driver.deployed(PodPlanner.plan(pod))));
                desired.add(pod);
            } catch (PodNotDeployed e) {
                skipped.add(pod.name() + ": not deployed (no stack yet), skipped; 'podctl up " + pod.name()
                        + "' deploys it at its spec's versions");
            } catch (DriverException e) {
                throw new UserError(e.getMessage());
            }
        }
        return new Loaded(RolloutPlanner.plan(desired, deployed), skipped);
    }
}
