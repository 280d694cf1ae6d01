package io.podctl.aws.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import io.podctl.aws.backend.BackendLocation;
import io.podctl.aws.backend.S3StateBackend;
import io.podctl.rollout.journal.Journal;
import io.podctl.rollout.journal.LockHeldException;
import io.podctl.rollout.journal.StepRecord;
import io.podctl.rollout.journal.StepRecord.StepStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The rollout journal and lock kept in S3 (moto), as scheduled CI runs share them. */
@ExtendWith(MotoServer.class)
class S3JournalTest {

    private final AwsContext aws;

    S3JournalTest(AwsContext aws) {
        this.aws = aws;
    }

    private BlobStateStore store(String prefix) {
        BackendLocation location =
                new S3StateBackend(aws).initBackend("s3://podctl-state/" + prefix);
        return new BlobStateStore(new S3BlobStore(aws, location));
    }

    @Test
    void twoConcurrentRunsOnlyOneTakesTheLock() throws Exception {
        BlobStateStore shared = store("race");
        int runners = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                long pid = 1000 + i;
                Callable<Boolean> run =
                        () -> {
                            start.await();
                            try {
                                new Journal(shared, "fleet").lock(pid, Instant.now());
                                return true;
                            } catch (LockHeldException e) {
                                return false;
                            }
                        };
                results.add(pool.submit(run));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(new Journal(shared, "fleet").lockOwner())
                    .hasValueSatisfying(o -> assertThat(o.pid()).isBetween(1000L, 1003L));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLaterRunSeesTheStepsAndTheHolderOfAStaleLock() throws Exception {
        BlobStateStore first = store("resume");
        Journal run1 = new Journal(first, "fleet");
        run1.lock(4242, Instant.parse("2026-11-21T02:00:00Z"));
        StepRecord started =
                new StepRecord(
                        "prd-pod-1/zookeeper/zk-2/upgrade@3.9.5",
                        "prd-pod-1",
                        "zk-2",
                        "upgrade",
                        "3.9.5",
                        StepStatus.STARTED,
                        Instant.parse("2026-11-21T02:01:00Z"),
                        null,
                        "");
        run1.record(started, started.started());
        run1.record(
                started.finish(
                        StepStatus.DONE, Instant.parse("2026-11-21T02:03:00Z"), "back in quorum"),
                Instant.parse("2026-11-21T02:03:00Z"));
        // the CI runner dies here; the next scheduled job reads the same bucket
        Journal run2 = new Journal(store("resume"), "fleet");
        assertThat(run2.state().steps())
                .extracting(StepRecord::id, StepRecord::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "prd-pod-1/zookeeper/zk-2/upgrade@3.9.5", StepStatus.DONE));
        assertThatThrownBy(() -> run2.lock(5151, Instant.now()))
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("4242");
        run2.unlock();
        run2.lock(5151, Instant.now());
        assertThat(run2.lockOwner()).hasValueSatisfying(o -> assertThat(o.pid()).isEqualTo(5151));
    }
}
