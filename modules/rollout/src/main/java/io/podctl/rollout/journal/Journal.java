package io.podctl.rollout.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * A fleet's rollout journal, lock and control flags in a {@link StateStore}, under
 * {@code rollouts/<fleet>/}. Every change is written through at once: nothing waits for the end.
 */
public final class Journal {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final StateStore store;
    private final String fleet;
    private JournalState state;

    public Journal(StateStore store, String fleet) {
        this.store = store;
        this.fleet = fleet;
        this.state = read(key("journal.json"), JournalState.class).orElse(JournalState.empty(fleet));
        warmUp();
    }

    /**
     * Builds the JSON serializers now (about 150 ms on first use), so that cost falls before the
     * rollout starts, not between a passed gate and the next node's stop.
     */
    private void warmUp() {
        try {
            JSON.writeValueAsBytes(state.with(new StepRecord("warm-up", "", "", "", "", StepRecord.StepStatus.STARTED,
                    Instant.EPOCH, Instant.EPOCH, ""), Instant.EPOCH));
            JSON.writeValueAsBytes(new LockOwner("", 0, Instant.EPOCH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JournalState state() {
        return state;
    }

    public synchronized void record(StepRecord step, Instant at) {
        save(state.with(step, at));
    }

    public synchronized void podFinished(String pod, Instant at) {
        save(state.withPodFinished(pod, at));
    }

    public synchronized void ended(String how, String why, Instant at) {
        save(state.ended(how, why, at));
    }

    public Controls controls() {
        return read(key("controls.json"), Controls.class).orElse(Controls.NONE);
    }

    public void setControls(Controls controls) {
        write(key("controls.json"), controls);
    }

    /** Takes the fleet's lock, or says who holds it. */
    public void lock(long pid, Instant now) throws LockHeldException {
        LockOwner me = new LockOwner(hostName(), pid, now);
        try {
            if (!store.putIfAbsent(key("lock.json"), JSON.writeValueAsBytes(me))) {
                throw new LockHeldException(fleet, lockOwner().orElse(new LockOwner("unknown", -1, null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<LockOwner> lockOwner() {
        return read(key("lock.json"), LockOwner.class);
    }

    /** Releases the lock; also how a person breaks a stale one. */
    public void unlock() {
        try {
            store.delete(key("lock.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(JournalState next) {
        write(key("journal.json"), next);
        state = next;
    }

    private String key(String name) {
        return "rollouts/" + fleet + "/" + name;
    }

    private void write(String key, Object value) {
        try {
            store.put(key, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key, e);
        }
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        try {
            Optional<byte[]> bytes = store.get(key);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(bytes.get(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
