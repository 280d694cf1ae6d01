package io.podctl.rollout.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    static final Instant T = Instant.parse("2025-06-07T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void stepIsPersistedWhenItStartsNotOnlyAtTheEnd() {
        Journal journal = new Journal(new DirectoryStateStore(dir), "f");
        journal.record(new StepRecord("p/zookeeper/zk-1/upgrade@3.9.5", "p", "zk-1", "upgrade", "3.9.5",
                StepRecord.StepStatus.STARTED, T, null, ""), T);

        JournalState reread = new Journal(new DirectoryStateStore(dir), "f").state();

        assertThat(reread.step("p/zookeeper/zk-1/upgrade@3.9.5").orElseThrow().status()).isEqualTo(StepRecord.StepStatus.STARTED);
        assertThat(dir.resolve("rollouts/f/journal.json")).exists();
    }

    @Test
    void secondLockNamesTheOwnerUntilBroken() throws Exception {
        Journal first = new Journal(new DirectoryStateStore(dir), "f");
        Journal second = new Journal(new DirectoryStateStore(dir), "f");
        first.lock(4242, T);

        assertThatThrownBy(() -> second.lock(7, T)).isInstanceOf(LockHeldException.class).hasMessageContaining("pid 4242")
                .hasMessageContaining("--break-lock");
        second.unlock();
        second.lock(7, T);
        assertThat(first.lockOwner().orElseThrow().pid()).isEqualTo(7);
    }

    @Test
    void putReplacesAtomicallyAndLeavesNoTempFiles() throws Exception {
        DirectoryStateStore store = new DirectoryStateStore(dir);
        store.put("a/b.json", "1".getBytes());
        store.put("a/b.json", "2".getBytes());

        assertThat(store.get("a/b.json")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("2"));
        assertThat(store.putIfAbsent("a/b.json", "3".getBytes())).isFalse();
        try (var files = Files.list(dir.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("b.json");
        }
    }

    @Test
    void controlsArePersistedFlags() {
        new Journal(new DirectoryStateStore(dir), "f").setControls(new Controls(true, false));

        assertThat(new Journal(new DirectoryStateStore(dir), "f").controls().paused()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated", "empty", "binary", "wrong shape"})
    void damagedJournalIsAClearErrorWhileFlagsAndLockStillWork(String damage) throws Exception {
        Journal journal = new Journal(new DirectoryStateStore(dir), "f");
        journal.record(new StepRecord("p/zookeeper/zk-1/upgrade@3.9.5", "p", "zk-1", "upgrade", "3.9.5",
                StepRecord.StepStatus.STARTED, T, null, ""), T);
        Path file = dir.resolve("rollouts/f/journal.json");
        byte[] good = Files.readAllBytes(file);
        Files.write(file, switch (damage) {
            case "truncated" -> java.util.Arrays.copyOf(good, good.length / 2);
            case "empty" -> new byte[0];
            case "binary" -> new byte[] {0, 1, 2, (byte) 0xff, 0x1b, '[', '2', 'J'};
            default -> "[1, 2]".getBytes();
        });
        Journal reopened = new Journal(new DirectoryStateStore(dir), "f");

        assertThatThrownBy(reopened::state).isInstanceOf(JournalUnreadableException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("podctl rollout reset --archive")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").matches("[\\x20-\\x7e]+"));
        reopened.setControls(new Controls(true, false));
        assertThat(reopened.controls().paused()).isTrue();
        reopened.lock(7, T);
        assertThat(reopened.lockOwner().orElseThrow().pid()).isEqualTo(7);

        List<String> moved = reopened.archive(T);

        assertThat(moved).singleElement().asString().contains("journal.json.archived-20250607T030000Z");
        assertThat(Files.readAllBytes(dir.resolve("rollouts/f/journal.json.archived-20250607T030000Z"))).isNotEqualTo(good);
        assertThat(reopened.state().steps()).isEmpty();
        assertThat(reopened.controls().paused()).as("readable flags are kept").isTrue();
    }

    @Test
    void damagedLockIsReportedAndArchivedNotFatal() throws Exception {
        Journal journal = new Journal(new DirectoryStateStore(dir), "f");
        Files.createDirectories(dir.resolve("rollouts/f"));
        Files.writeString(dir.resolve("rollouts/f/lock.json"), "{\"host\": ");

        assertThat(journal.lockState()).isInstanceOf(LockState.Unreadable.class);
        assertThatThrownBy(() -> journal.lock(7, T)).isInstanceOf(JournalUnreadableException.class)
                .hasMessageContaining(dir.resolve("rollouts/f/lock.json").toString());
        assertThat(journal.archive(T)).anySatisfy(line -> assertThat(line).contains("lock.json.archived-"));
        journal.lock(7, T);
    }

    @Test
    void holderWhosePidIsGoneFromThisHostIsStale() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Journal first = new Journal(new DirectoryStateStore(dir), "f");
        first.lock(gone.pid(), T);

        LockHeldException held = org.junit.jupiter.api.Assertions.assertThrows(LockHeldException.class,
                () -> new Journal(new DirectoryStateStore(dir), "f").lock(T));

        assertThat(held.liveness().state()).isEqualTo(LockOwner.State.STALE);
        assertThat(held.getMessage()).contains("was interrupted").contains("pid " + gone.pid() + " is gone").contains("--break-lock");
    }

    @Test
    void liveHolderOnThisHostIsAlive() throws Exception {
        Journal first = new Journal(new DirectoryStateStore(dir), "f");
        first.lock(T);

        LockHeldException held = org.junit.jupiter.api.Assertions.assertThrows(LockHeldException.class,
                () -> new Journal(new DirectoryStateStore(dir), "f").lock(T));

        assertThat(held.liveness().state()).isEqualTo(LockOwner.State.ALIVE);
        assertThat(held.getMessage()).contains("already running");
    }

    @Test
    void holderOnAnotherHostIsStaleOnlyOnceItsLeaseExpired() {
        LockOwner remote = new LockOwner("ci-runner-7", 99, T, T, T.plus(Journal.LEASE));

        assertThat(remote.liveness("laptop", T.plus(Journal.LEASE).minusSeconds(1)).state()).isEqualTo(LockOwner.State.ALIVE);
        assertThat(remote.liveness("laptop", T.plus(Journal.LEASE).plusSeconds(1)))
                .isEqualTo(new LockOwner.Liveness(LockOwner.State.STALE, "its lease expired at " + T.plus(Journal.LEASE)));
        assertThat(new LockOwner("ci-runner-7", 99, T, null, null).liveness("laptop", T).state()).isEqualTo(LockOwner.State.UNKNOWN);
    }

    @Test
    void holderRenewsItsLeaseAsItWrites() throws Exception {
        Journal journal = new Journal(new DirectoryStateStore(dir), "f");
        journal.lock(T);
        Instant later = T.plus(java.time.Duration.ofMinutes(20));

        journal.record(new StepRecord("p/zookeeper/zk-1/upgrade@3.9.5", "p", "zk-1", "upgrade", "3.9.5",
                StepRecord.StepStatus.STARTED, later, null, ""), later);

        assertThat(journal.lockOwner().orElseThrow().leaseUntil()).isEqualTo(later.plus(Journal.LEASE));
    }
}
