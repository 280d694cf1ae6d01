package io.podctl.rollout.run;

import io.podctl.plan.AgentGroup;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthProbe;
import io.podctl.rollout.plan.NodeChange;
import io.podctl.rollout.plan.PodRollout;
import io.podctl.rollout.plan.RolloutPlanner;
import io.podctl.rollout.plan.Stage;
import io.podctl.spec.validate.VersionNumbers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Agents one at a time, drained before they are replaced. For each agent: the pool and Marathon
 * must be settled (every agent registered and active, none draining, every app at its
 * instances); the agent's real machine (hostname and IP as registered) is scheduled for
 * maintenance; the frameworks get until the drain timeout to accept the inverse offers; with
 * Mesos 1.9+ {@code DRAIN_AGENT} kills its tasks gracefully and marks it gone, so Marathon
 * relaunches them elsewhere (older masters can only take the machine down, losing its tasks);
 * then the instance is replaced, and the step is done only when the new agent has registered
 * and Marathon's tasks are back and healthy.
 */
final class AgentDrains {

    static final String REPLACE = "drain-replace";

    private final NodeDriver driver;
    private final AgentMaintenance mesos;
    private final PodHealth health;
    private final RolloutExecutor.Steps steps;
    private final Clock clock;
    private final RunOptions options;
    private final Consumer<String> progress;

    AgentDrains(NodeDriver driver, AgentMaintenance mesos, PodHealth health, RolloutExecutor.Steps steps, Clock clock, RunOptions options,
                Consumer<String> progress) {
        this.driver = driver;
        this.mesos = mesos;
        this.health = health;
        this.steps = steps;
        this.clock = clock;
        this.options = options;
        this.progress = progress;
    }

    void drain(PodRollout pod, Stage stage) throws RolloutExecutor.Stop, InterruptedException {
        for (NodeChange change : stage.changes()) {
            String pool = poolOf(pod.topology(), change.node());
            int count = pod.topology().agentGroups().stream().filter(g -> g.pool().equals(pool)).mapToInt(AgentGroup::count).sum();
            HealthProbe settled = settled(pod.topology(), null);
            GateResult before = new Gate(pod.pod() + " agents settled before " + change.node(), settled).await(options.gates(), clock);
            if (!before.passed()) {
                throw steps.halt(before.describe());
            }
            AtomicReference<AgentMaintenance.Agent> replaced = new AtomicReference<>();
            Step step = new Step(pod.pod(), Role.MESOS_AGENT, change.node(), REPLACE, change.target());
            steps.run(pod, step, () -> replaced.set(drainAndReplace(pod, change, pool)),
                    new Gate(change.node() + " replaced at " + change.target() + ", " + pool + " back to " + count
                            + " agents, Marathon's tasks healthy", settledAfter(pod.topology(), replaced)));
        }
    }

    /** @return the agent that was replaced, or null when the pool had none left below the target */
    private AgentMaintenance.Agent drainAndReplace(PodRollout pod, NodeChange change, String pool) throws DriverException {
        try {
            Optional<AgentMaintenance.Agent> next = mesos.agents().stream()
                    .filter(a -> a.pool().equals(pool) && !a.version().equals(change.target()))
                    .min(Comparator.comparing((AgentMaintenance.Agent a) -> a.machine().hostname()));
            if (next.isEmpty()) {
                progress.accept(pod.pod() + " " + change.node() + ": every registered agent of " + pool + " already runs " + change.target());
                return null;
            }
            AgentMaintenance.Agent agent = next.get();
            List<AgentMaintenance.Machine> machine = List.of(agent.machine());
            progress.accept(pod.pod() + " " + change.node() + ": draining agent " + agent.id() + " on " + agent.machine().hostname()
                    + " (" + agent.machine().ip() + ")");
            mesos.schedule(machine, clock.now(), options.drainTimeout().plus(options.stepEstimate()));
            awaitInverseOffers(pod, agent);
            String master = mesos.masterVersion();
            boolean drainable = VersionNumbers.isDotted(master) && VersionNumbers.compare(master, "1.9") >= 0;
            if (drainable) {
                mesos.drain(agent.id(), options.drainTimeout(), true);
                awaitGone(pod, agent);
            } else {
                progress.accept(pod.pod() + " " + change.node() + ": Mesos " + master
                        + " has no DRAIN_AGENT; taking the machine down, its remaining tasks become LOST");
                mesos.down(machine);
            }
            driver.replaceAgent(pod.topology(), change.node(), agent.machine(), change.target());
            if (drainable) {
                mesos.clearSchedule();
            } else {
                mesos.up(machine);
            }
            return agent;
        } catch (IOException e) {
            throw new DriverException("draining " + change.node() + " of " + pod.pod() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while draining " + change.node(), e);
        }
    }

    /** Every framework with an answer accepted, or the drain timeout passed: draining is advisory. */
    private void awaitInverseOffers(PodRollout pod, AgentMaintenance.Agent agent) throws IOException, InterruptedException {
        Instant deadline = clock.now().plus(options.drainTimeout());
        while (true) {
            Map<String, String> answers = mesos.inverseOfferAnswers(agent.machine());
            if (!answers.isEmpty() && answers.values().stream().allMatch("ACCEPT"::equals)) {
                progress.accept(pod.pod() + " " + agent.machine().hostname() + ": inverse offers accepted by " + answers.size() + " framework(s)");
                return;
            }
            if (!clock.now().isBefore(deadline)) {
                progress.accept(pod.pod() + " " + agent.machine().hostname() + ": drain timeout " + options.drainTimeout().toSeconds()
                        + " s reached, inverse offers " + (answers.isEmpty() ? "unanswered" : answers));
                return;
            }
            clock.sleep(options.gates().interval());
        }
    }

    /** DRAIN_AGENT with mark_gone: the agent leaves the master's list once its tasks are killed and acknowledged. */
    private void awaitGone(PodRollout pod, AgentMaintenance.Agent agent) throws IOException, InterruptedException, DriverException {
        Instant deadline = clock.now().plus(options.drainTimeout());
        while (true) {
            Optional<AgentMaintenance.Agent> now = mesos.agents().stream().filter(a -> a.id().equals(agent.id())).findFirst();
            if (now.isEmpty() || now.get().drainState().equals("DRAINED")) {
                progress.accept(pod.pod() + " " + agent.machine().hostname() + ": drained");
                return;
            }
            if (!clock.now().isBefore(deadline)) {
                throw new DriverException("agent " + agent.id() + " on " + agent.machine().hostname() + " still " + now.get().drainState()
                        + " after " + options.drainTimeout().toSeconds() + " s; not replacing it");
            }
            clock.sleep(options.gates().interval());
        }
    }

    /** Every agent of the pod registered, active, not draining; the pools at their counts; Marathon's apps healthy. */
    private HealthProbe settled(PodPlan pod, String gone) {
        int expected = pod.agentGroups().stream().mapToInt(AgentGroup::count).sum();
        HealthProbe apps = health.workloads().orElse(() -> Health.healthy("Marathon not observable", Map.of()));
        return () -> {
            List<AgentMaintenance.Agent> agents;
            try {
                agents = mesos.agents();
            } catch (MesosOperatorRefused e) {
                return Health.refused(e.getMessage());
            } catch (IOException e) {
                return Health.unhealthy("agents unknown: " + e.getMessage());
            }
            if (gone != null && agents.stream().anyMatch(a -> a.id().equals(gone))) {
                return Health.unhealthy("replaced agent " + gone + " is still registered");
            }
            List<String> unsettled = new ArrayList<>();
            agents.stream().filter(a -> !a.active() || a.deactivated() || !a.drainState().isEmpty())
                    .forEach(a -> unsettled.add(a.machine().hostname() + (a.drainState().isEmpty() ? " inactive" : " " + a.drainState())));
            if (!unsettled.isEmpty()) {
                return Health.unhealthy("agents not serving: " + String.join(", ", unsettled));
            }
            for (AgentGroup group : pod.agentGroups()) {
                long registered = agents.stream().filter(a -> a.pool().equals(group.pool())).count();
                if (registered != group.count()) {
                    return Health.unhealthy("pool " + group.pool() + " has " + registered + " of " + group.count() + " agents registered");
                }
            }
            Health workloads = apps.check();
            return workloads.healthy()
                    ? Health.healthy(expected + " agents registered and active; " + workloads.reason(), Map.of())
                    : workloads;
        };
    }

    private HealthProbe settledAfter(PodPlan pod, AtomicReference<AgentMaintenance.Agent> replaced) {
        return () -> settled(pod, replaced.get() == null ? null : replaced.get().id()).check();
    }

    private static String poolOf(PodPlan pod, String node) {
        for (AgentGroup group : pod.agentGroups()) {
            for (int i = 1; i <= group.count(); i++) {
                if (RolloutPlanner.agentNode(group, i).equals(node)) {
                    return group.pool();
                }
            }
        }
        throw new IllegalArgumentException("pod " + pod.pod() + " has no agent " + node);
    }
}
