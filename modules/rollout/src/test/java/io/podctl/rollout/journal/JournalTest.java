package io.podctl.rollout.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
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
}
