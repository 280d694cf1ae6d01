package io.podctl.rollout.run;

import io.podctl.plan.Host;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import io.podctl.rollout.journal.Controls;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.JournalUnreadableException;
import io.podctl.rollout.journal.StepRecord;
import io.podctl.rollout.journal.StepRecord.StepStatus;
import io.podctl.rollout.plan.NodeChange;
import io.podctl.rollout.plan.PodRollout;
import io.podctl.rollout.plan.NotProdFirst;
import io.podctl.rollout.plan.RoleVersion;
import io.podctl.rollout.plan.RolloutPlan;
import io.podctl.rollout.plan.Stage;
import io.podctl.rollout.window.MaintenanceWindow;
import io.podctl.rollout.window.Soak;
import io.podctl.rollout.window.StartDecision;
import io.podctl.spec.model.Colocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a {@link RolloutPlan}: pod by pod in wave order, role by role, node by node, each step
 * journaled before and after it acts and followed by a gate. The first failed gate halts the
 * run with nothing further touched. Pause and abort are read between steps.
 */
public final class RolloutExecutor {

    private final NodeDriver driver;
    private final PodTargets targets;
    private final Journal journal;
    private final Clock clock;
    private final RunOptions options;
    private final Consumer<String> progress;
    /** The health of the pod being upgraded, for the version a node reports. */
    private PodHealth podHealth;

    public RolloutExecutor(NodeDriver driver, PodTargets targets, Journal journal, Clock clock, RunOptions options,
                           Consumer<String> progress) {
        this.driver = driver;
        this.targets = targets;
        this.journal = journal;
        this.clock = clock;
        this.options = options;
        this.progress = progress;
    }

    /** Unwinds the walk with the outcome that ends it. */
    static final class Stop extends Exception {
        final Outcome outcome;

        Stop(Outcome outcome) {
            super(outcome.describe(), null, false, false);
            this.outcome = outcome;
        }
    }

    public Outcome run(RolloutPlan plan) throws InterruptedException {
        Outcome outcome;
        try {
            outcome = walk(plan);
        } catch (Stop stop) {
            outcome = stop.outcome;
        }
        String how = outcome instanceof Outcome.Finished ? "finished"
                : outcome instanceof Outcome.Halted ? "halted"
                : outcome instanceof Outcome.Waiting ? "waiting"
                : outcome instanceof Outcome.Paused ? "paused" : "aborted";
        journal.ended(how, outcome.describe(), clock.now());
        return outcome;
    }

    private Outcome walk(RolloutPlan plan) throws Stop, InterruptedException {
        int upgraded = 0;
        PodRollout previous = null;
        Map<String, List<RoleVersion>> unproven = NotProdFirst.unproven(plan);
        for (PodRollout pod : plan.pods()) {
            if (pod.upToDate()) {
                progress.accept(pod.pod() + ": up to date");
                recordFinishedIfUnrecorded(pod);
                previous = pod;
                continue;
            }
            if (upgraded >= options.maxPods()) {
                progress.accept("stopping after " + upgraded + " pod(s) (--max-pods); next: " + pod.pod());
                break;
            }
            checkControls();
            if (unproven.containsKey(pod.pod()) && !options.prodFirst()) {
                throw new Stop(new Outcome.Halted(NotProdFirst.refusal(pod.pod(), unproven.get(pod.pod())) + "; nothing was touched"));
            }
            boolean resuming = journal.state().steps().stream()
                    .anyMatch(s -> s.pod().equals(pod.pod()) && s.status() != StepStatus.DONE);
            Optional<Stop> closed = startRefused(pod, previous);
            if (closed.isPresent() && !resuming) {
                throw closed.get();
            }
            upgradePod(pod, resuming, closed);
            upgraded++;
            previous = pod;
        }
        return new Outcome.Finished(upgraded);
    }

    /**
     * A pod at its target with no finished time for these versions: an earlier run ended (killed)
     * before it recorded the pod finished, or the pod got there outside the rollout (a
     * {@code podctl up} of a new spec). The next pod's soak must still count from it. When every
     * step to these versions passed its gate, it finished when the last one did; otherwise its soak
     * counts from now, when it is first seen at its target.
     */
    private void recordFinishedIfUnrecorded(PodRollout pod) {
        if (finishedAt(pod).isPresent()) {
            return;
        }
        Set<String> versions = pod.desired().stream().map(RoleVersion::version).collect(java.util.stream.Collectors.toSet());
        List<StepRecord> steps = journal.state().steps().stream()
                .filter(s -> s.pod().equals(pod.pod()) && versions.contains(s.version())).toList();
        boolean allDone = !steps.isEmpty() && steps.stream().allMatch(s -> s.status() == StepStatus.DONE && s.ended() != null);
        Instant finished = allDone ? steps.stream().map(StepRecord::ended).max(Instant::compareTo).orElseThrow() : clock.now();
        journal.podFinished(pod.pod(), finished, pod.desiredLine());
        progress.accept(pod.pod() + ": finished at " + finished + " (" + (allDone ? "its last step's gate" : "first seen at its target")
                + (steps.isEmpty() ? "; it reached these versions outside the rollout)" : "; the earlier run ended before recording it)"));
    }

    private Optional<Instant> finishedAt(PodRollout pod) {
        return journal.state().finishedAt(pod.pod(), pod.desiredLine());
    }

    /** The pod's window and the previous pod's soak: the reason to wait, if any. */
    private Optional<Stop> startRefused(PodRollout pod, PodRollout previous) {
        Instant now = clock.now();
        if (previous != null) {
            Instant finished = finishedAt(previous).orElse(null);
            Duration soak = previous.schedule().soakDuration();
            if (finished != null && !Soak.isOver(finished, soak, now)) {
                Instant until = Soak.over(finished, soak);
                return Optional.of(new Stop(new Outcome.Waiting("waiting for " + previous.pod() + " to soak " + soak.toHours()
                        + "h before " + pod.pod() + ", until " + until, until)));
            }
        }
        Duration expected = options.stepEstimate().multipliedBy(pod.nodeSteps());
        StartDecision decision = MaintenanceWindow.of(pod.schedule().window()).decide(now, expected);
        if (decision instanceof StartDecision.Wait wait) {
            String next = wait.next() == null ? "never (" + wait.reason() + ")" : wait.next().toString();
            return Optional.of(new Stop(new Outcome.Waiting("waiting for window of " + pod.pod() + ", next opens at " + next
                    + " (expected duration " + expected.toMinutes() + " min)", wait.next())));
        }
        return Optional.empty();
    }

    /**
     * @param resuming a killed or halted run left a step of this pod unfinished. A resume is a new
     *                 run that trusts nothing: every node's real state is read again, the node in
     *                 flight is finished (or redone) first, then the whole pod is gated like any start
     * @param closed   the window or soak says wait: a resume then only finishes the node in flight,
     *                 so the pod is not left with a node down, and waits
     */
    private void upgradePod(PodRollout pod, boolean resuming, Optional<Stop> closed) throws Stop, InterruptedException {
        Instant started = clock.now();
        PodPlan topology = pod.topology();
        PodHealth health = targets.health(topology);
        podHealth = health;
        progress.accept(pod.pod() + ": upgrading " + pod.nodeSteps() + " node(s)" + (resuming ? ", resuming an interrupted run" : ""));
        Set<Role> ungated = EnumSet.noneOf(Role.class);
        if (resuming) {
            new PodSurvey(topology, health).lines().forEach(line -> progress.accept(pod.pod() + " " + line));
            Optional<InFlightStep> inFlight = InFlightStep.find(journal.state(), topology);
            if (inFlight.isPresent()) {
                InFlightStep step = inFlight.get();
                if (step.redoable()) {
                    progress.accept(pod.pod() + ": finishing the step in flight first: " + step.step());
                    finishInFlight(pod, step.step(), health);
                } else {
                    // Marathon's HA procedure and agent drains keep nodes stopped on purpose: their stage resumes them
                    progress.accept(pod.pod() + ": " + step.step() + " was in flight; its stage resumes it");
                    ungated.add(step.step().role());
                }
            }
        }
        if (closed.isPresent()) {
            throw closed.get();
        }
        for (Role role : Role.CONTROL) {
            Optional<HealthProbe> probe = health.role(role);
            if (probe.isEmpty()) {
                progress.accept(pod.pod() + " " + role.wire() + ": not observable from here, not gated");
            } else if (!ungated.contains(role)) {
                gate(pod.pod() + " before start: " + role.wire() + " healthy", probe.get(), null);
            }
        }
        new MarathonUpgradeGuard(driver, steps).before(pod, health);
        if (pod.topology().colocation() == Colocation.SHARED) {
            // one step per host for all its roles: replacing control-N restarts all three
            new SharedHosts(driver, health, steps, progress).upgrade(pod);
        }
        for (Stage stage : pod.stages()) {
            if (!stage.needsUpdate() || (pod.topology().colocation() == Colocation.SHARED && stage.role() != Role.MESOS_AGENT)) {
                continue;
            }
            switch (stage.role()) {
                case ZOOKEEPER, MESOS_MASTER -> leaderLast(pod, stage, health);
                case MARATHON -> marathonHa(pod, stage, health);
                case MESOS_AGENT -> drainAgents(pod, stage, health);
            }
        }
        journal.podFinished(pod.pod(), clock.now(), pod.desiredLine());
        progress.accept(pod.pod() + ": done in " + seconds(Duration.between(started, clock.now())));
    }

    /**
     * Re-checks or redoes the node a killed run left in flight. A node that still serves is only
     * restarted while the rest of its role is healthy; one that is down can only gain from it.
     */
    private void finishInFlight(PodRollout pod, Step step, PodHealth health) throws Stop, InterruptedException {
        HealthProbe serving = health.node(step.node(), step.role(), "");
        HealthProbe roleHealthy = health.role(step.role()).orElse(() -> Health.healthy("not observable", Map.of()));
        HealthProbe restartable = () -> serving.check().healthy() ? roleHealthy.check()
                : Health.healthy(step.node() + " is down: restarting it can only help", Map.of());
        Gate before = new Gate(step.role().wire() + " healthy before " + step.node() + " is restarted", restartable);
        if (step.action().equals(SharedHosts.UPGRADE_HOST)) {
            new SharedHosts(driver, health, steps, progress).finish(pod, step.node(), before);
            return;
        }
        runStep(pod, step, () -> driver.upgrade(pod.topology(), step.node(), step.role(), step.version()),
                nodeGate(pod, health, step.node(), step.role(), step.version()), before);
    }

    /** Non-leaders first; the node leading at each choice goes last, so the ensemble elects once. */
    private void leaderLast(PodRollout pod, Stage stage, PodHealth health) throws Stop, InterruptedException {
        List<NodeChange> remaining = new ArrayList<>(stage.changes());
        while (!remaining.isEmpty()) {
            Optional<String> leader = health.leader(stage.role());
            NodeChange next = remaining.stream().filter(c -> leader.isEmpty() || !c.node().equals(leader.get()))
                    .findFirst().orElse(remaining.get(0));
            if (leader.isPresent() && next.node().equals(leader.get())) {
                progress.accept(pod.pod() + " " + stage.role().wire() + ": " + next.node() + " leads, restarting it last");
            }
            remaining.remove(next);
            Step step = new Step(pod.pod(), stage.role(), next.node(), "upgrade", next.target());
            // never a second node of a role down: every member must be healthy before the next one is touched
            Gate before = new Gate(stage.role().wire() + " healthy before " + next.node() + " is touched",
                    health.role(stage.role()).orElse(() -> Health.healthy("not observable", Map.of())));
            runStep(pod, step, () -> driver.upgrade(pod.topology(), next.node(), stage.role(), next.target()),
                    nodeGate(pod, health, next.node(), stage.role(), next.target()), before);
        }
    }

    /**
     * Marathon's documented HA upgrade: stop all but one (the leader, so no extra election); start
     * one new-version instance; stop the last old one (the new one takes over and migrates state);
     * start the rest.
     */
    private void marathonHa(PodRollout pod, Stage stage, PodHealth health) throws Stop, InterruptedException {
        Role role = Role.MARATHON;
        List<NodeChange> old = stage.changes();
        String target = old.get(0).target();
        if (old.size() == 1) {
            NodeChange only = old.get(0);
            runStep(pod, new Step(pod.pod(), role, only.node(), "upgrade", target),
                    () -> driver.upgrade(pod.topology(), only.node(), role, target), nodeGate(pod, health, only.node(), role, target));
            return;
        }
        String leader = health.leader(role).filter(l -> old.stream().anyMatch(c -> c.node().equals(l)))
                .orElse(old.get(0).node());
        List<String> others = old.stream().map(NodeChange::node).filter(n -> !n.equals(leader)).toList();
        HealthProbe roleProbe = health.role(role).orElse(() -> Health.healthy("not observable", Map.of()));
        for (String node : others) {
            runStep(pod, new Step(pod.pod(), role, node, "stop", ""), () -> driver.stop(pod.topology(), node, role),
                    new Gate(role.wire() + " still led by " + leader, roleProbe));
        }
        String first = others.get(0);
        runStep(pod, new Step(pod.pod(), role, first, "start-new", target), () -> driver.upgrade(pod.topology(), first, role, target),
                new Gate(role.wire() + " " + first + " up", health.node(first, role, target)));
        runStep(pod, new Step(pod.pod(), role, leader, "stop-last-old", ""), () -> driver.stop(pod.topology(), leader, role),
                Gate.allOf(role.wire() + " led by new " + first, List.of(roleProbe, ledBy(health, role, first), health.node(first, role, target))));
        List<String> rest = new ArrayList<>(others.subList(1, others.size()));
        rest.add(leader);
        for (String node : rest) {
            runStep(pod, new Step(pod.pod(), role, node, "start-new", target), () -> driver.upgrade(pod.topology(), node, role, target),
                    nodeGate(pod, health, node, role, target));
        }
    }

    private static HealthProbe ledBy(PodHealth health, Role role, String node) {
        return () -> health.leader(role).filter(node::equals).isPresent()
                ? Health.healthy(node + " leads", Map.of("leader", node))
                : Health.unhealthy(node + " does not lead (leader: " + health.leader(role).orElse("none") + ")");
    }

    /** Agents one at a time through {@link AgentDrains}: drained, replaced, the pool and Marathon settled before the next. */
    private void drainAgents(PodRollout pod, Stage stage, PodHealth health) throws Stop, InterruptedException {
        Optional<AgentMaintenance> maintenance = targets.maintenance(pod.topology());
        if (maintenance.isEmpty()) {
            throw halt(pod.pod() + " mesos-agent: no Mesos maintenance API reachable to drain agents");
        }
        new AgentDrains(driver, maintenance.get(), health, steps, clock, options, progress).drain(pod, stage);
    }

    private Gate nodeGate(PodRollout pod, PodHealth health, String node, Role role, String version) {
        List<HealthProbe> probes = new ArrayList<>();
        probes.add(health.node(node, role, version));
        health.role(role).ifPresent(probes::add);
        return Gate.allOf(role.wire() + " " + node + " back at " + version + ", quorum healthy", probes);
    }

    @FunctionalInterface
    interface Action {
        void act() throws DriverException;
    }

    /** What the procedures in their own classes ({@link SharedHosts}, {@link AgentDrains}, {@link MarathonUpgradeGuard}) call back. */
    interface Steps {
        void run(PodRollout pod, Step step, Action action, Gate gate) throws Stop, InterruptedException;

        /** As {@link #run}, acting only once {@code before} holds (a resume's in-flight step). */
        void run(PodRollout pod, Step step, Action action, Gate gate, Gate before) throws Stop, InterruptedException;

        Stop halt(String reason);
    }

    private final Steps steps = new Steps() {
        @Override
        public void run(PodRollout pod, Step step, Action action, Gate gate) throws Stop, InterruptedException {
            runStep(pod, step, action, gate);
        }

        @Override
        public void run(PodRollout pod, Step step, Action action, Gate gate, Gate before) throws Stop, InterruptedException {
            runStep(pod, step, action, gate, before);
        }

        @Override
        public Stop halt(String reason) {
            return RolloutExecutor.this.halt(reason);
        }
    };

    private void runStep(PodRollout pod, Step step, Action action, Gate gate) throws Stop, InterruptedException {
        runStep(pod, step, action, gate, null);
    }

    /**
     * Journals STARTED, acts, gates, journals DONE (then lets the driver record the node's new
     * version) or FAILED. A step found DONE whose node runs its version is skipped; one left
     * unfinished by an earlier run is re-checked when its node already runs the version, and
     * done again otherwise.
     *
     * @param before what must hold before the step may act (null: nothing); a refusal halts with
     *               nothing touched and nothing journaled
     */
    private void runStep(PodRollout pod, Step step, Action action, Gate gate, Gate before) throws Stop, InterruptedException {
        checkControls();
        Optional<StepRecord> earlier = journal.state().step(step.id());
        boolean atTarget = earlier.isPresent() && atTarget(pod, step);
        if (earlier.isPresent() && earlier.get().status() == StepStatus.DONE && (!step.action().startsWith("upgrade") || atTarget)) {
            confirm(pod, step);
            progress.accept(step + ": already done");
            return;
        }
        Instant start = clock.now();
        if (earlier.isPresent() && atTarget) {
            progress.accept(step + ": was in flight, re-checking its gate");
            GateResult recheck = gate.await(options.gates(), clock);
            if (recheck.passed()) {
                journal.record(earlier.get().finish(StepStatus.DONE, clock.now(), "re-checked: " + recheck.last().reason()), clock.now());
                confirm(pod, step);
                progress.accept(step + ": done (re-checked) in " + seconds(Duration.between(start, clock.now())));
                return;
            }
            if (recheck.last().refused()) {
                // the node may be fine: a refused credential only hides it, and doing the step again could cost a member
                throw halt("not touching " + step.node() + ": " + recheck.describe());
            }
        }
        if (before != null) {
            GateResult ready = before.await(options.gates(), clock);
            if (!ready.passed()) {
                throw halt("not touching " + step.node() + ": " + ready.describe());
            }
        }
        StepRecord record = new StepRecord(step.id(), step.pod(), step.node(), step.action(), step.version(),
                StepStatus.STARTED, start, null, "");
        journal.record(record, start);
        progress.accept(step + " ...");
        try {
            action.act();
        } catch (DriverException e) {
            journal.record(record.finish(StepStatus.FAILED, clock.now(), failedAt(pod, step) + e.getMessage()), clock.now());
            throw halt(step + " failed: " + e.getMessage());
        }
        GateResult result = gate.await(options.gates(), clock);
        if (!result.passed()) {
            journal.record(record.finish(StepStatus.FAILED, clock.now(), failedAt(pod, step) + result.describe()), clock.now());
            throw halt(step + ": " + result.describe());
        }
        journal.record(record.finish(StepStatus.DONE, clock.now(), result.last().reason()), clock.now());
        confirm(pod, step);
        progress.accept(step + ": done in " + seconds(Duration.between(start, clock.now())) + " (" + result.last().reason() + ")");
    }

    /** "failed at step N, running version V: " with V as the node itself reports it now. */
    private String failedAt(PodRollout pod, Step step) {
        long n = journal.state().steps().stream().filter(s -> s.pod().equals(pod.pod())).count();
        String running = podHealth == null ? "unknown"
                : podHealth.runningVersion(step.node(), step.role()).orElse("unknown (not answering)");
        return "failed at step " + n + ", running version " + running + ": ";
    }

    private void confirm(PodRollout pod, Step step) throws Stop {
        if (step.action().equals(SharedHosts.UPGRADE_HOST)) {
            // a host step moved every role on the host: each role's version is recorded
            Optional<NodeVersions> target = SharedHosts.target(pod, step.node());
            Host host = pod.topology().host(step.node());
            try {
                for (Role role : Role.CONTROL) {
                    if (target.isPresent() && host.runs(role)) {
                        driver.confirm(pod.topology(), step.node(), role, target.get().of(role));
                    }
                }
            } catch (DriverException e) {
                throw halt(step + ": passed its gate but its new versions could not be recorded: " + e.getMessage());
            }
            return;
        }
        if (step.version().isEmpty() || !(step.action().equals("upgrade") || step.action().equals("start-new"))) {
            return;
        }
        try {
            driver.confirm(pod.topology(), step.node(), step.role(), step.version());
        } catch (DriverException e) {
            throw halt(step + ": passed its gate but its new version could not be recorded: " + e.getMessage());
        }
    }

    /** What the node itself reports running (the probes, not the journal); the driver's record only when the role cannot say. */
    private boolean atTarget(PodRollout pod, Step step) {
        if (step.version().isEmpty()) {
            return false;
        }
        Optional<String> running = podHealth == null ? Optional.empty() : podHealth.runningVersion(step.node(), step.role());
        if (running.isPresent()) {
            // a host step's version is the tag of all its roles; the node reports its own role's version
            return step.action().equals(SharedHosts.UPGRADE_HOST)
                    ? SharedHosts.target(pod, step.node()).map(t -> t.tag().equals(step.version())
                            && running.get().equals(t.of(step.role()))).orElse(false)
                    : step.version().equals(running.get());
        }
        try {
            NodeVersions versions = driver.deployed(pod.topology()).get(step.node());
            if (versions != null && step.action().equals(SharedHosts.UPGRADE_HOST)) {
                return step.version().equals(versions.tag());
            }
            return versions != null && step.version().equals(versions.of(step.role()));
        } catch (DriverException e) {
            return false;
        }
    }

    private void gate(String name, HealthProbe probe, Step step) throws Stop, InterruptedException {
        GateResult result = new Gate(name, probe).await(options.gates(), clock);
        if (!result.passed()) {
            throw halt(result.describe());
        }
        progress.accept(result.describe());
    }

    private void checkControls() throws Stop {
        Controls controls;
        try {
            controls = journal.controls();
        } catch (JournalUnreadableException e) {
            throw halt(e.getMessage());
        }
        if (controls.aborted()) {
            throw new Stop(new Outcome.Aborted());
        }
        if (controls.paused()) {
            throw new Stop(new Outcome.Paused());
        }
    }

    private Stop halt(String reason) {
        progress.accept("HALT: " + reason);
        return new Stop(new Outcome.Halted(reason));
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
