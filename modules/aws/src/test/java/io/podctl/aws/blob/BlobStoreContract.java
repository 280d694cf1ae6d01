package io.podctl.aws.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** What every {@link BlobStore} must do; each implementation's test supplies a fresh store. */
abstract class BlobStoreContract {

    private static final int RACERS = 6;
    private static final int ROUNDS = 10;

    BlobStore store;

    abstract BlobStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void missingKeyReadsAsEmpty() {
        assertThat(store.get("journal/none.json")).isEmpty();
    }

    @Test
    void putThenGetReturnsTheBytesAndAnEtag() {
        store.put("journal/prd-pod-1.json", bytes("{\"step\":1}"));

        Blob blob = store.get("journal/prd-pod-1.json").orElseThrow();

        assertThat(text(blob)).isEqualTo("{\"step\":1}");
        assertThat(blob.etag()).isNotBlank();
    }

    @Test
    void putReplacesAndChangesTheEtag() {
        store.put("k", bytes("one"));
        String first = store.get("k").orElseThrow().etag();

        store.put("k", bytes("two"));

        Blob second = store.get("k").orElseThrow();
        assertThat(text(second)).isEqualTo("two");
        assertThat(second.etag()).isNotEqualTo(first);
    }

    @Test
    void putIfAbsentWritesOnlyTheFirstTime() {
        assertThat(store.putIfAbsent("lock", bytes("owner-a"))).isTrue();
        assertThat(store.putIfAbsent("lock", bytes("owner-b"))).isFalse();

        assertThat(text(store.get("lock").orElseThrow())).isEqualTo("owner-a");
    }

    @Test
    void putIfMatchWritesOnlyOverTheVersionItRead() {
        store.put("journal", bytes("v1"));
        String etag = store.get("journal").orElseThrow().etag();

        assertThat(store.putIfMatch("journal", bytes("v2"), etag)).isTrue();
        assertThat(store.putIfMatch("journal", bytes("v3-stale"), etag)).isFalse();

        assertThat(text(store.get("journal").orElseThrow())).isEqualTo("v2");
    }

    @Test
    void putIfMatchOnAMissingKeyFails() {
        assertThat(store.putIfMatch("gone", bytes("x"), "\"0123456789abcdef\"")).isFalse();
        assertThat(store.get("gone")).isEmpty();
    }

    @Test
    void deleteRemovesAndToleratesAMissingKey() {
        store.put("lock", bytes("owner"));

        store.delete("lock");
        store.delete("lock");

        assertThat(store.get("lock")).isEmpty();
        assertThat(store.putIfAbsent("lock", bytes("next-owner"))).isTrue();
    }

    @Test
    void keysThatCouldEscapeOrHideAreRejected() {
        for (String bad : List.of("", "/abs", "../up", "a/../b", ".hidden", "a//b", "sp ace")) {
            assertThatThrownBy(() -> store.put(bad, bytes("x")))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentLockTakersExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "locks/round-" + round;
            List<Boolean> outcomes = race(taker -> store.putIfAbsent(key, bytes("taker-" + taker)));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(true);
            int winner = outcomes.indexOf(true);
            assertThat(text(store.get(key).orElseThrow())).isEqualTo("taker-" + winner);
        }
    }

    @Test
    void concurrentCompareAndSetExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "journal/round-" + round;
            store.put(key, bytes("base"));
            String etag = store.get(key).orElseThrow().etag();

            List<Boolean> outcomes =
                    race(writer -> store.putIfMatch(key, bytes("writer-" + writer), etag));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(true);
            assertThat(text(store.get(key).orElseThrow()))
                    .isEqualTo("writer-" + outcomes.indexOf(true));
        }
    }

    interface Attempt {
        boolean run(int racer) throws Exception;
    }

    /** Starts all racers at once through a latch and returns each one's result, in racer order. */
    private static List<Boolean> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                int id = racer;
                Callable<Boolean> task =
                        () -> {
                            start.await();
                            return attempt.run(id);
                        };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static String text(Blob blob) {
        return new String(blob.bytes(), UTF_8);
    }
}
