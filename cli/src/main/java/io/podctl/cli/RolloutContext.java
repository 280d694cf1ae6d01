package io.podctl.cli;

import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlanner;
import io.podctl.rollout.journal.DirectoryStateStore;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.run.DriverException;
import io.podctl.rollout.run.local.LocalFleetDriver;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The journal key: one rollout per fleet at a time. */
    String fleet() {
        if (local == null) {
            return "fleet";
        }
        String name = local.getFileName().toString();
        return "local-" + (name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
    }

    Journal journal() {
        return new Journal(new DirectoryStateStore(stateDir), fleet());
    }

    LocalFleetDriver driver() {
        if (local == null) {
            throw new UserError("no deployment engine is wired into rollouts yet: pass --local FILE to roll a local fleet");
        }
        if (!Files.isRegularFile(local)) {
            throw new UserError("local fleet file " + local + " does not exist");
        }
        try {
            return new LocalFleetDriver(local);
        } catch (IOException e) {
            throw new UserError("cannot read local fleet " + local + ": " + e.getMessage());
        }
    }

    /** The plan for the pods the driver knows, plus a note per pod it skipped. */
    record Loaded(RolloutPlan plan, List<String> skipped) {
    }

    Loaded plan(LocalFleetDriver driver) {
        SpecSet specs = SpecLoader.load(List.of(pods));
        if (specs.hasErrors()) {
            throw new UserError(specs.errors() + " spec error(s) under " + pods + ": run 'podctl validate' first");
        }
        List<Pod> desired = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Map<String, NodeVersions>> deployed = new LinkedHashMap<>();
        for (Pod pod : specs.validPods()) {
            if (!driver.knows(pod.name())) {
                skipped.add(pod.name() + ": not in the local fleet, skipped");
                continue;
            }
            desired.add(pod);
            try {
                deployed.put(pod.name(), driver.deployed(PodPlanner.plan(pod)));
            } catch (DriverException e) {
                throw new UserError(e.getMessage());
            }
        }
        return new Loaded(RolloutPlanner.plan(desired, deployed), skipped);
    }
}
