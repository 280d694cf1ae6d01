package io.podctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator can still do when the rollout journal is damaged or its run was killed. */
class RolloutJournalCommandsTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Result podctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--state-dir", dir.resolve(".podctl").toString(), "--local", "fleet.json"}, 0, all, args.length, 4);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    Path journalFile() {
        return dir.resolve(".podctl/rollouts/local-fleet/journal.json").toAbsolutePath();
    }

    void journal(byte[] bytes) throws Exception {
        Files.createDirectories(journalFile().getParent());
        Files.write(journalFile(), bytes);
    }

    static final String ONE_STEP_IN_FLIGHT = """
            {"fleet":"local-fleet","steps":[{"id":"p/zookeeper/control-1/upgrade@3.9.5","pod":"p","node":"control-1",
            "action":"upgrade","version":"3.9.5","status":"STARTED","started":"2026-01-01T00:00:00Z","ended":null,"detail":""}],
            "podsFinished":{},"outcome":"","reason":"","updated":"2026-01-01T00:00:00Z"}""";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "truncated", "binary"})
    void damagedJournalLocksNobodyOut(String damage) throws Exception {
        journal(switch (damage) {
            case "empty" -> new byte[0];
            case "truncated" -> ONE_STEP_IN_FLIGHT.substring(0, 90).getBytes();
            default -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0x1b, ']'};
        });

        Result status = podctl("rollout", "status");
        assertThat(status.code()).isEqualTo(2);
        assertThat(status.out()).startsWith("fleet local-fleet: journal unreadable\n").contains("lock: free").contains("flags: none");
        assertThat(status.err()).contains(journalFile().toString()).contains("podctl rollout reset --archive");
        assertThat(status.all()).doesNotContain("Exception").doesNotContain("\u001b");

        assertThat(podctl("rollout", "pause").code()).isZero();
        assertThat(podctl("rollout", "abort").code()).isZero();
        assertThat(podctl("rollout", "resume").code()).isZero();

        Result run = podctl("rollout", "run", "--yes");
        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(journalFile().toString()).contains("reset --archive").doesNotContain("Exception");

        assertThat(podctl("rollout", "reset").code()).as("reset needs --archive").isEqualTo(2);
        Result reset = podctl("rollout", "reset", "--archive");
        assertThat(reset.code()).as(reset.all()).isZero();
        assertThat(reset.out()).contains("archived " + journalFile()).contains("journal.json.archived-");
        assertThat(podctl("rollout", "status").out()).startsWith("fleet local-fleet: no rollout yet");
    }

    @Test
    void killedRunIsReportedInterruptedWithItsStaleHolder() throws Exception {
        journal(ONE_STEP_IN_FLIGHT.getBytes());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(journalFile().resolveSibling("lock.json"), "{\"host\":\"" + io.podctl.rollout.journal.Journal.hostName()
                + "\",\"pid\":" + gone.pid() + ",\"since\":\"2026-01-01T00:00:00Z\"}");

        Result status = podctl("rollout", "status");

        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out()).startsWith("fleet local-fleet: interrupted (pid " + gone.pid() + " is gone from ")
                .contains("p/zookeeper/control-1/upgrade@3.9.5 was in flight")
                .contains("lock: held by pid " + gone.pid()).contains("STALE");
    }

    @Test
    void damagedLockIsShownNotHalfPrinted() throws Exception {
        journal(ONE_STEP_IN_FLIGHT.getBytes());
        Files.writeString(journalFile().resolveSibling("lock.json"), "\u0000\u0000");

        Result status = podctl("rollout", "status");

        assertThat(status.code()).isEqualTo(2);
        assertThat(status.out()).contains("lock: unreadable: rollout lock " + journalFile().resolveSibling("lock.json"))
                .contains("STARTED  p/zookeeper/control-1/upgrade@3.9.5");
    }
}
