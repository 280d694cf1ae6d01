package io.podctl.tests.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podctl.rollout.health.Health;
import io.podctl.rollout.health.HealthWait;
import io.podctl.rollout.health.ZooKeeperNodeStatus;
import io.podctl.rollout.health.ZooKeeperProbe;
import io.podctl.rollout.local.LocalEnsemble;
import io.podctl.rollout.run.local.LocalFleet;
import io.podctl.tests.Podctl;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real network faults on a real ZooKeeper ensemble (3.8.4 rolling to 3.9.5) in the middle of
 * {@code podctl rollout run --local}: a follower partitioned from its ensemble, the leader's
 * links dropped, a restarting node's sync slowed. Each time the rollout must halt with no other
 * node touched and no version recorded that its gate did not pass, while the rest of the pod
 * keeps a serving quorum that acknowledges writes, none of them lost.
 *
 * <p>Mechanism: {@link QuorumNetwork}. Every server reaches every other one through a loopback
 * relay ({@link FaultyLink}) that drops or delays the real bytes of their quorum (sync) and
 * election traffic; clients reach the servers directly. Why not {@code ip netns} with
 * {@code tc netem}: netns works on this machine as root, but netem does not (no kernel modules),
 * and CI's privileges are not known; the relays are pure Java, so these tests need nothing
 * installed and never skip. The servers run the pod's rendered zoo.cfg with tickTime 500 ms
 * (rendered: 2 s), so ZooKeeper's own timeouts (syncLimit 5, initLimit 10 ticks) take 2.5 s and 5 s.
 * Quorum is judged with {@code srvr} on every member (fewest serving), the leader's {@code mntr}
 * (synced followers) and a writer's acknowledged writes, read back at the end.
 *
 * <p>podctl is frozen (SIGSTOP) from the moment its first step's node serves again (or, for the
 * slow sync, the step starts) until ZooKeeper itself has seen the fault, then let go (SIGCONT):
 * what is tested is what podctl does with a fault in place, not whether it polls faster than
 * ZooKeeper's own timeouts notice one.
 */
class NetworkFaultRolloutTest {

    /** Control hosts that carry ZooKeeper, Mesos and Marathon (one step per host) */
    static final String SHARED = "not-prod-pod-1";
    /** ZooKeeper on its own hosts (the leader-last ZooKeeper stage) */
    static final String DEDICATED = "prd-pod-1";
    /** The local fleet holds the faulted pod alone: the dedicated one is prod, rolled with no not-prod pod before it. */
    static final List<String> RUN = List.of("rollout", "run", "--yes", "--local", "fleet.json", "--prod-first",
            "--gate-interval", "1s", "--gate-timeout", "8s", "--step-estimate", "1s");

    @TempDir
    java.nio.file.Path dir;

    @Test
    void partitionedFollowerHaltsTheRolloutBeforeItIsTouched() throws Exception {
        try (Faulted run = faultAfterFirstStep("follower partitioned", SHARED, (network, pods, first) -> {
            String partitioned = otherFollower(pods, SHARED, first);
            network.partition(pods.idsByNode.get(SHARED).get(partitioned));
            awaitTrue(pods, SHARED, "a majority without " + partitioned, p -> !p.probe(SHARED).status(p.endpoint(SHARED, partitioned)).inQuorum()
                    && p.probe(SHARED).quorumHealth().healthy());
            return partitioned;
        })) {
            run.assertNothingElseTouched();
            run.assertQuorumKeptAndHealsAfterwards(2);
        }
    }

    @Test
    void leaderWithItsLinksDroppedHaltsTheRolloutOfASharedPod() throws Exception {
        leaderWithItsLinksDroppedHaltsTheRollout(SHARED);
    }

    @Test
    void leaderWithItsLinksDroppedHaltsTheRolloutOfADedicatedEnsemble() throws Exception {
        leaderWithItsLinksDroppedHaltsTheRollout(DEDICATED);
    }

    private void leaderWithItsLinksDroppedHaltsTheRollout(String pod) throws Exception {
        try (Faulted run = faultAfterFirstStep("leader's links dropped", pod, (network, pods, first) -> {
            String leader = leader(pods, pod);
            network.partition(pods.idsByNode.get(pod).get(leader));
            // the fault costs the one election any leader loss does; the rest of the run is judged from the new leader on
            awaitTrue(pods, pod, "a new leader other than " + leader, p -> leaderIfAny(p, pod).filter(l -> !l.equals(leader)).isPresent()
                    && p.probe(pod).quorumHealth().healthy()
                    && !p.probe(pod).status(p.endpoint(pod, leader)).inQuorum());
            return leader;
        })) {
            run.assertNothingElseTouched();
            run.assertQuorumKeptAndHealsAfterwards(2);
        }
    }

    @Test
    void slowSyncOfTheRestartedNodeFailsItsStepAndRecordsNoNewVersion() throws Exception {
        try (Faulted run = fault("restarting node's sync delayed 3 s", DEDICATED, (pods, journal) -> journal.path("steps").size() > 0, (network, pods, first) -> {
            // its sync round trip (6 s) is beyond initLimit x tickTime (5 s): it restarts but never joins
            network.delaySync(pods.idsByNode.get(DEDICATED).get(first), Duration.ofSeconds(3));
            return first;
        })) {
            JsonNode step = run.pods.journal().path("steps").get(0);
            assertThat(step.path("status").asText()).isEqualTo("FAILED");
            assertThat(step.path("detail").asText()).contains("failed at step 1, running version").contains("not in the quorum");
            assertThat(run.result.stderr()).contains(run.first);
            run.assertNothingElseTouched();
            assertThat(run.fleetVersion(run.first)).as("no version recorded for a failed gate").isEqualTo(LocalPods.OLD);
            run.assertQuorumKeptAndHealsAfterwards(2);
            assertThat(run.pods.probe(DEDICATED).status(run.pods.endpoint(DEDICATED, run.first)).version())
                    .as("the node runs the new release once its sync is fast again").isEqualTo(LocalPods.NEW);
        }
    }

    @FunctionalInterface
    interface Injection {
        /** Puts a fault in place while podctl is frozen, waits until ZooKeeper sees it, and names the node at fault. */
        String inject(QuorumNetwork network, LocalPods pods, String firstStepNode) throws Exception;
    }

    /**
     * The fault comes once the first step's node serves the new release again: its gate (two
     * passes a second apart) and the next node's gate are still ahead, so podctl is frozen
     * before it can touch another node however loaded the machine is. It then halts either at
     * that step's own gate (which wants every member serving) or before the next node.
     */
    private Faulted faultAfterFirstStep(String kind, String pod, Injection injection) throws Exception {
        return fault(kind, pod, (pods, journal) -> journal.path("steps").size() == 1 && pods.probe(pod)
                .memberHealth(pods.endpoint(pod, journal.path("steps").get(0).path("node").asText()), LocalPods.NEW).healthy(), injection);
    }

    /**
     * Starts the rollout with a writer and a serving watch running, freezes podctl once its
     * journal matches {@code when}, injects the fault, lets podctl go on and waits for its end.
     */
    private Faulted fault(String kind, String pod, java.util.function.BiPredicate<LocalPods, JsonNode> when, Injection injection)
            throws Exception {
        QuorumNetwork[] network = new QuorumNetwork[1];
        LocalPods pods = new LocalPods(dir).start(pod, ensemble -> {
            fastTicks(ensemble);
            network[0] = QuorumNetwork.wire(ensemble);
        });
        Faulted run = new Faulted(pods, pod, network[0]);
        run.kind = kind;
        try {
            run.pidsBefore = pids(pods, pod);
            run.writer = new SequentialWriter(pods.connectString(pod), 5);
            run.watch = new ServingWatch(pods.probe(pod));
            run.signals = new Signals();
            Process podctl = Podctl.start(dir, Map.of(), null, RUN.toArray(String[]::new));
            JsonNode journal = awaitJournal(pods, podctl, when);
            run.signals.send(podctl, "STOP");
            run.first = journal.path("steps").get(0).path("node").asText();
            run.faulted = injection.inject(network[0], pods, run.first);
            run.writesAtFault = run.writer.acknowledgedCount();
            run.watch.judgeFromNow();
            run.signals.send(podctl, "CONT");
            long letGo = System.nanoTime();
            run.result = Podctl.await(podctl, Duration.ofSeconds(120), RUN.toArray(String[]::new));
            run.ranWithFault = Duration.ofNanos(System.nanoTime() - letGo);
            System.out.println(run.result.all());
            assertThat(run.result.exitCode()).as(run.result.all()).isEqualTo(1);
            assertThat(pods.journal().path("outcome").asText()).isEqualTo("halted");
            return run;
        } catch (Throwable e) {
            run.close();
            throw e;
        }
    }

    /** One faulted run, its checks, and the cleanup of everything it started. */
    final class Faulted implements AutoCloseable {
        final LocalPods pods;
        final String pod;
        final QuorumNetwork network;
        String kind = "";
        Map<String, Long> pidsBefore;
        SequentialWriter writer;
        ServingWatch watch;
        String first;
        String faulted;
        long writesAtFault;
        Signals signals;
        /** From podctl let go with the fault in place to its exit. */
        Duration ranWithFault;
        Podctl.Result result;

        Faulted(LocalPods pods, String pod, QuorumNetwork network) {
            this.pods = pods;
            this.pod = pod;
            this.network = network;
        }

        /** "halted before touching the next node" or "halted at zk-1's own gate", and how long podctl ran with the fault. */
        String outcome() {
            String how = result.all().contains("HALT: not touching ") ? "halted before touching the next node" : "halted at " + first + "'s own gate";
            return how + String.format(", %.1f s after podctl went on with the fault", ranWithFault.toMillis() / 1000.0);
        }

        /**
         * Only the first step's node was restarted; the journal holds that one step alone, and the
         * run halted at its gate (its version not recorded) or before the next node (recorded).
         */
        void assertNothingElseTouched() throws IOException {
            assertThat(pods.journal().path("steps").size()).as("steps journaled").isEqualTo(1);
            String status = pods.journal().path("steps").get(0).path("status").asText();
            if (result.all().contains("HALT: not touching ")) {
                assertThat(status).isEqualTo("DONE");
                assertThat(fleetVersion(first)).as(first + " recorded once its gate passed").isEqualTo(LocalPods.NEW);
            } else {
                assertThat(status).as(result.all()).isEqualTo("FAILED");
                assertThat(fleetVersion(first)).as(first + " not recorded: its gate failed").isEqualTo(LocalPods.OLD);
            }
            Map<String, Long> after = pids(pods, pod);
            for (String node : pidsBefore.keySet()) {
                if (!node.equals(first)) {
                    assertThat(after.get(node)).as(node + " not restarted").isEqualTo(pidsBefore.get(node));
                    assertThat(fleetVersion(node)).as(node + " recorded version").isEqualTo(LocalPods.OLD);
                }
            }
        }

        String fleetVersion(String node) throws IOException {
            return LocalFleet.read(pods.fleetFile).pods().get(pod).zookeeper().get(node).version();
        }

        /**
         * While podctl went on with the fault in place, at least {@code serving} members served
         * at every poll and writes were acknowledged; none is lost; healing the network brings
         * every member back.
         */
        void assertQuorumKeptAndHealsAfterwards(int serving) throws Exception {
            assertThat(watch.fewestServing()).as("fewest serving members after the fault (%s)", watch).isGreaterThanOrEqualTo(serving);
            // a client on the server cut off (or restarted) moves its session to the majority first
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.acknowledgedCount() - writesAtFault <= 10 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(writer.acknowledgedCount() - writesAtFault).as("writes acknowledged while faulted").isGreaterThan(10);
            assertThat(pods.probe(pod).quorumHealth().healthy()).as(pods.probe(pod).quorumHealth().toString()).isTrue();
            network.heal();
            Health healed = HealthWait.until(pods.probe(pod).ensembleProbe(), Duration.ofSeconds(30));
            assertThat(healed.healthy()).as("every member back once healed: " + healed).isTrue();
            writer.stopWriting();
            assertThat(writer.lost()).as("acknowledged writes lost").isZero();
            System.out.println("fault figures: " + kind + " at " + faulted + " (" + pod + "): " + outcome() + ", fewest serving "
                    + watch.fewestServing() + "/3 while podctl ran with the fault, " + (writer.acknowledgedCount() - writesAtFault)
                    + " writes acknowledged while faulted, 0 of " + writer.acknowledgedCount() + " lost");
        }

        @Override
        public void close() throws Exception {
            if (signals != null) {
                signals.close();
            }
            if (watch != null) {
                watch.close();
            }
            if (writer != null) {
                writer.close();
            }
            network.close();
            pods.close();
        }
    }

    private static Map<String, Long> pids(LocalPods pods, String pod) throws IOException {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String node : pods.idsByNode.get(pod).keySet()) {
            pids.put(node, pods.pid(pod, node));
        }
        return pids;
    }

    private static String leader(LocalPods pods, String pod) {
        return leaderIfAny(pods, pod).orElseThrow(() -> new AssertionError("no leader"));
    }

    private static Optional<String> leaderIfAny(LocalPods pods, String pod) {
        return pods.probe(pod).leader().map(endpoint -> pods.node(pod, endpoint));
    }

    /** The follower that is neither the first step's node nor the leader. */
    private static String otherFollower(LocalPods pods, String pod, String first) {
        String leader = leader(pods, pod);
        return pods.idsByNode.get(pod).keySet().stream().filter(n -> !n.equals(first) && !n.equals(leader))
                .findFirst().orElseThrow();
    }

    private static JsonNode awaitJournal(LocalPods pods, Process podctl, java.util.function.BiPredicate<LocalPods, JsonNode> when)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && podctl.isAlive()) {
            Optional<JsonNode> journal = pods.journalIfAny();
            if (journal.isPresent() && when.test(pods, journal.get())) {
                return journal.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the journal never reached the fault point; podctl alive: " + podctl.isAlive()
                + "\n" + Podctl.stdoutSoFar(podctl));
    }

    private static void awaitTrue(LocalPods pods, String pod, String what, Predicate<LocalPods> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.test(pods)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("ZooKeeper never showed " + what + ": " + pods.probe(pod).statuses());
    }

    /** A shell started before podctl: its builtin kill forks nothing, so a signal lands in milliseconds even on a loaded machine. */
    static final class Signals implements AutoCloseable {
        private final Process shell;
        private final java.io.BufferedReader answers;

        Signals() throws IOException {
            shell = new ProcessBuilder("sh").redirectErrorStream(true).start();
            answers = new java.io.BufferedReader(new java.io.InputStreamReader(shell.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
        }

        void send(Process process, String signal) throws IOException {
            shell.getOutputStream().write(("kill -" + signal + " " + process.pid() + " && echo sent || echo failed\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            shell.getOutputStream().flush();
            assertThat(answers.readLine()).as("kill -" + signal).isEqualTo("sent");
        }

        @Override
        public void close() {
            shell.destroy();
        }
    }

    /** Polls srvr on every member every 50 ms; counts the fewest serving at once from {@link #judgeFromNow} on. */
    static final class ServingWatch implements AutoCloseable {
        private final ZooKeeperProbe probe;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile boolean judging;
        private int fewest = Integer.MAX_VALUE;
        private int polls;

        ServingWatch(ZooKeeperProbe probe) {
            this.probe = probe;
            thread = new Thread(this::poll, "serving-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            while (running) {
                boolean judge = judging; // a poll begun before the fault was seen is not judged
                long serving = probe.statuses().stream().filter(ZooKeeperNodeStatus::inQuorum).count();
                if (judge) {
                    synchronized (this) {
                        fewest = (int) Math.min(fewest, serving);
                        polls++;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void judgeFromNow() {
            judging = true;
        }

        synchronized int fewestServing() {
            return polls == 0 ? 0 : fewest;
        }

        @Override
        public synchronized String toString() {
            return polls + " polls";
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }

    /**
     * tickTime 500 ms instead of the rendered 2 s, so ZooKeeper's own fault timeouts (syncLimit
     * and initLimit ticks, kept as rendered: 5 and 10) take 2.5 s and 5 s instead of 10 s and 20 s.
     */
    private static void fastTicks(LocalEnsemble ensemble) {
        for (int id : ensemble.ids()) {
            java.nio.file.Path config = ensemble.node(id).configFile();
            try {
                String text = java.nio.file.Files.readString(config);
                if (!java.util.regex.Pattern.compile("(?m)^tickTime=\\d+$").matcher(text).find()) {
                    throw new IllegalStateException(config + " sets no tickTime");
                }
                java.nio.file.Files.writeString(config, text.replaceAll("(?m)^tickTime=\\d+$", "tickTime=500"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
