package io.podctl.tests.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.rollout.health.ZooKeeperNodeStatus;
import io.podctl.tests.Podctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs {@code podctl rollout run --local} at seeded random points of a 3-pod rolling
 * ZooKeeper upgrade and resumes it each time, while a writer per pod keeps writing and a monitor
 * watches every server process. The promise: no pod ever has two servers down (its quorum), no
 * acknowledged write is lost, no step the journal holds as done is done again, and every node
 * ends at the target. Seed and kill count: -Dpodctl.chaos.seed, -Dpodctl.chaos.kills (>= 20).
 */
class ChaosRolloutTest {

    static final List<String> PODS = List.of("not-prod-pod-1", "not-prod-pod-2", "prd-pod-1");
    /** One upgrade step per ZooKeeper node: three per pod. */
    static final int STEPS = PODS.size() * 3;
    static final long SEED = Long.getLong("podctl.chaos.seed", 20261203L);
    static final int KILLS = Integer.getInteger("podctl.chaos.kills", 20);
    static final List<String> RUN = List.of("rollout", "run", "--yes", "--local", "fleet.json", "--break-lock",
            "--gate-interval", "100ms", "--gate-timeout", "60s", "--step-estimate", "1s");

    @TempDir
    Path dir;

    /**
     * Where a run is killed: its delay counts from when the moment is armed, and the bound kills
     * at once whatever the delay, so no kind lets a run finish more than one step.
     */
    enum Moment {
        START_UP, MID_STEP, AFTER_DONE;

        boolean armed(Progress progress) {
            return switch (this) {
                case START_UP -> true;
                case MID_STEP -> progress.stepsBegun() > 0;
                case AFTER_DONE -> progress.stepsFinished() > 0;
            };
        }

        boolean bound(Progress progress) {
            return switch (this) {
                case START_UP -> progress.stepsBegun() > 0;
                case MID_STEP -> progress.stepsFinished() > 0;
                case AFTER_DONE -> progress.stepsFinished() > 1;
            };
        }
    }

    /** One kill point: a moment plus a delay after it. */
    record KillPoint(Moment moment, long delayMs) {
        @Override
        public String toString() {
            return moment + " + " + delayMs + " ms";
        }
    }

    @Test
    void killedAtRandomPointsAndResumedItNeverCostsAQuorumALostWriteOrARepeatedStep() throws Exception {
        // 0 is the benchmark's uninterrupted baseline; a chaos run has at least 20 kill points
        assertThat(KILLS == 0 || KILLS >= 20).as("podctl.chaos.kills is 0 or >= 20").isTrue();
        long started = System.nanoTime();
        try (LocalPods pods = soakOneSecond(new LocalPods(dir))) {
            for (String pod : PODS) {
                pods.start(pod);
            }
            Random random = new Random(SEED);
            List<SequentialWriter> writers = new ArrayList<>();
            int kills = 0;
            int repeated = 0;
            List<String> points = new ArrayList<>();
            try (ProcessMonitor monitor = new ProcessMonitor(pods, PODS)) {
                for (String pod : PODS) {
                    writers.add(new SequentialWriter(pods.connectString(pod), 20));
                }
                int runs = 0;
                while (kills < KILLS && runs++ < KILLS * 3) {
                    Map<String, String> doneBefore = doneSteps(pods);
                    Map<String, Long> pidsBefore = donePids(pods, doneBefore.keySet());
                    KillPoint point = choose(random, STEPS - doneBefore.size());
                    Path log = dir.resolve("run-" + kills + ".log");
                    Process run = start(log);
                    boolean killed = killAt(run, log, point);
                    repeated += repeatedSteps(pods, doneBefore, pidsBefore);
                    if (killed) {
                        kills++;
                        points.add(point.toString());
                    } else if (run.exitValue() == 0) {
                        break; // the rollout finished before this kill point
                    } else {
                        // 3: waiting for the previous pod's one-second soak; anything else is a failure
                        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(3);
                        Thread.sleep(1000);
                    }
                }
                for (int wait = 0; ; wait++) {
                    Process last = start(dir.resolve("final.log"));
                    assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
                    String finalLog = Files.readString(dir.resolve("final.log"));
                    if (last.exitValue() == 3 && wait < 5) {
                        Thread.sleep(1000); // a soak between pods
                        continue;
                    }
                    assertThat(last.exitValue()).as(finalLog).isZero();
                    break;
                }
                long lost = 0;
                long acknowledged = 0;
                for (SequentialWriter writer : writers) {
                    writer.stopWriting();
                    lost += writer.lost();
                    acknowledged += writer.acknowledged.size();
                    writer.close();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("chaos figures: seed=%d killPoints=%d quorumLosses=%d lostWrites=%d of %d acknowledged"
                                + " repeatedSteps=%d longestWithoutMajorityMs=%d totalSeconds=%.1f%n",
                        SEED, kills, monitor.quorumLosses(), lost, acknowledged, repeated, monitor.longestWithoutMajorityMs(), seconds);
                System.out.println("kill points: " + points);

                assertThat(kills).as("kill points reached").isGreaterThanOrEqualTo(KILLS);
                assertThat(monitor.quorumLosses()).as("polls with two servers of a pod down: " + monitor.losses()).isZero();
                assertThat(lost).isZero();
                assertThat(acknowledged).isGreaterThan(100);
                assertThat(repeated).as("finished steps done again").isZero();
                for (String pod : PODS) {
                    assertThat(pods.probe(pod).statuses()).extracting(ZooKeeperNodeStatus::version).containsOnly(LocalPods.NEW);
                }
                assertThat(doneSteps(pods)).hasSize(STEPS);
            } finally {
                for (SequentialWriter writer : writers) {
                    writer.close();
                }
            }
        }
    }

    /** The example fleet's soaks are hours; the chaos run keeps one second between pods. */
    static LocalPods soakOneSecond(LocalPods pods) throws IOException {
        try (var files = Files.list(pods.dir.resolve("pods"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replaceAll("soak: \\w+", "soak: 1s"));
            }
        }
        return pods;
    }

    /**
     * Three in five kills during start-up, plan and preflight (at the latest when the first step
     * begins), a quarter in the middle of a step (stopped, restarting, gating; at the latest when
     * it finishes), the rest just after a step finished, where the journal and the deployed state
     * are written. A killed run finishes at most one step, and the two kinds that may finish one
     * are drawn only while two steps remain, so the rollout cannot end before the last kill: the
     * last step is finished by the uninterrupted final run.
     */
    static KillPoint choose(Random random, int stepsLeft) {
        int kind = random.nextInt(20);
        if (kind < 12 || stepsLeft < 2) {
            return new KillPoint(Moment.START_UP, 300 + random.nextInt(1700));
        }
        if (kind < 17) {
            return new KillPoint(Moment.MID_STEP, random.nextInt(3000));
        }
        return new KillPoint(Moment.AFTER_DONE, random.nextInt(200));
    }

    private Process start(Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", Podctl.jar().toString()));
        command.addAll(RUN);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGKILL at the point; false when the run ended by itself first. */
    private static boolean killAt(Process run, Path log, KillPoint point) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long armedAt = -1;
        while (true) {
            Progress progress = Progress.of(log);
            long now = System.nanoTime();
            if (armedAt < 0 && point.moment().armed(progress)) {
                armedAt = now;
            }
            if (point.moment().bound(progress) || (armedAt >= 0 && now - armedAt >= TimeUnit.MILLISECONDS.toNanos(point.delayMs()))) {
                break;
            }
            if (!run.isAlive()) {
                return false;
            }
            if (now > deadline) {
                throw new AssertionError("no kill point " + point + " in 120 s: " + Files.readString(log));
            }
            Thread.sleep(5);
        }
        run.destroyForcibly(); // SIGKILL: no shutdown hook, lock and journal left as they are
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return true;
    }

    /** What a run's log shows so far: steps begun (or re-checked) and steps finished. */
    record Progress(long stepsBegun, long stepsFinished) {
        static Progress of(Path log) throws IOException {
            List<String> lines = Files.readAllLines(log);
            long begun = lines.stream().filter(l -> l.endsWith(" ...") || l.contains(": was in flight, re-checking")).count();
            // "<pod> zookeeper zk-1: upgrade to 3.9.5: done ...", not the pod's own "<pod>: done in ..."
            long finished = lines.stream().filter(l -> l.matches(".*: .+: done.*")).count();
            return new Progress(begun, finished);
        }
    }

    /** Step id to its start time, for the steps the journal holds as DONE. */
    static Map<String, String> doneSteps(LocalPods pods) {
        return startTimes(pods, true);
    }

    /** Step id to its start time from the journal (none before the first run wrote one). */
    private static Map<String, String> startTimes(LocalPods pods, boolean doneOnly) {
        Map<String, String> started = new LinkedHashMap<>();
        pods.journalIfAny().ifPresent(journal -> journal.path("steps").forEach(step -> {
            if (!doneOnly || step.path("status").asText().equals("DONE")) {
                started.put(step.path("id").asText(), step.path("started").asText());
            }
        }));
        return started;
    }

    private static Map<String, Long> donePids(LocalPods pods, Iterable<String> ids) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String id : ids) {
            String[] parts = id.split("/");
            pids.put(id, pods.pid(parts[0], parts[2]));
        }
        return pids;
    }

    /**
     * Steps DONE before a run that it started again (a new start time, or gone from the journal)
     * or whose server it restarted. A run killed before it wrote a journal leaves none.
     */
    private static int repeatedSteps(LocalPods pods, Map<String, String> doneBefore, Map<String, Long> pidsBefore) throws IOException {
        Map<String, String> startedNow = startTimes(pods, false);
        int repeated = 0;
        for (Map.Entry<String, String> done : doneBefore.entrySet()) {
            if (!done.getValue().equals(startedNow.get(done.getKey()))) {
                repeated++;
            }
        }
        for (Map.Entry<String, Long> pid : pidsBefore.entrySet()) {
            String[] parts = pid.getKey().split("/");
            if (pods.pid(parts[0], parts[2]) != pid.getValue()) {
                repeated++;
            }
        }
        return repeated;
    }
}
