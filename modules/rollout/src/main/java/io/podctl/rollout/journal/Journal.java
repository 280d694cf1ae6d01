package io.podctl.rollout.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fleet's rollout journal, lock and control flags in a {@link StateStore}, under
 * {@code rollouts/<fleet>/}. Every change is written through at once: nothing waits for the end.
 * Each file is read on its own, so a damaged journal never keeps anyone from the flags (pause,
 * abort) or from the lock; a damaged file is a {@link JournalUnreadableException} naming it.
 */
public final class Journal {

    /** How long a lock holder is presumed alive after its last write; renewed on every write. */
    public static final Duration LEASE = Duration.ofMinutes(30);
    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter ARCHIVE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StateStore store;
    private final String fleet;
    private JournalState state;
    private LockOwner held;

    public Journal(StateStore store, String fleet) {
        this.store = store;
        this.fleet = fleet;
        warmUp();
    }

    /**
     * Builds the JSON serializers now (about 150 ms on first use), so that cost falls before the
     * rollout starts, not between a passed gate and the next node's stop.
     */
    private void warmUp() {
        try {
            JSON.writeValueAsBytes(JournalState.empty(fleet).with(new StepRecord("warm-up", "", "", "", "",
                    StepRecord.StepStatus.STARTED, Instant.EPOCH, Instant.EPOCH, ""), Instant.EPOCH));
            JSON.writeValueAsBytes(new LockOwner("", 0, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws JournalUnreadableException when journal.json cannot be read or parsed */
    public synchronized JournalState state() {
        if (state == null) {
            state = read("journal", "journal.json", JournalState.class).orElse(JournalState.empty(fleet));
        }
        return state;
    }

    /** Where a file of this fleet lives, in full. */
    public String where(String name) {
        return store.describe(key(name));
    }

    public synchronized void record(StepRecord step, Instant at) {
        save(state().with(step, at), at);
    }

    /** @param versions the versions the pod reached, one line ({@code PodRollout.desiredLine()}) */
    public synchronized void podFinished(String pod, Instant at, String versions) {
        save(state().withPodFinished(pod, at, versions), at);
    }

    public synchronized void ended(String how, String why, Instant at) {
        save(state().ended(how, why, at), at);
    }

    /** @throws JournalUnreadableException when controls.json cannot be read or parsed */
    public Controls controls() {
        return read("flags file", "controls.json", Controls.class).orElse(Controls.NONE);
    }

    /** Needs nothing else of the journal: pause and abort work even when journal.json is damaged. */
    public void setControls(Controls controls) {
        write(key("controls.json"), controls);
    }

    /**
     * Takes the fleet's lock, or says who holds it and whether that holder is gone.
     *
     * @throws JournalUnreadableException when a lock file is there but cannot be read
     */
    public void lock(Instant now) throws LockHeldException {
        lock(ProcessHandle.current().pid(), now);
    }

    /** @param pid the holder's process id (this process but in tests) */
    public void lock(long pid, Instant now) throws LockHeldException {
        LockOwner me = LockOwner.of(hostName(), pid, now, now.plus(LEASE));
        try {
            if (!store.putIfAbsent(key("lock.json"), JSON.writeValueAsBytes(me))) {
                LockState found = lockState();
                if (found instanceof LockState.Held h) {
                    throw new LockHeldException(fleet, h.owner(), h.owner().liveness(hostName(), now));
                }
                if (found instanceof LockState.Unreadable u) {
                    throw u.problem();
                }
                throw new LockHeldException(fleet, new LockOwner("unknown", -1, null, null, null),
                        new LockOwner.Liveness(LockOwner.State.UNKNOWN, "it was released while podctl took it; try again"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + where("lock.json"), e);
        }
        held = me;
    }

    public LockState lockState() {
        try {
            return read("lock", "lock.json", LockOwner.class).<LockState>map(LockState.Held::new).orElse(new LockState.Free());
        } catch (JournalUnreadableException e) {
            return new LockState.Unreadable(e);
        }
    }

    /** @throws JournalUnreadableException when lock.json cannot be read or parsed */
    public Optional<LockOwner> lockOwner() {
        return read("lock", "lock.json", LockOwner.class);
    }

    /** Releases the lock; also how a person breaks a stale one. */
    public void unlock() {
        try {
            store.delete(key("lock.json"));
            held = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + where("lock.json"), e);
        }
    }

    /**
     * Moves the journal, and any lock or flags file that cannot be read, aside under a name
     * with the time, so the next run starts a fresh journal; the bytes are kept for a person.
     *
     * @return "from -> to" per file moved
     */
    public synchronized List<String> archive(Instant now) throws IOException {
        List<String> moved = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("journal.json"));
        if (lockState() instanceof LockState.Unreadable) {
            names.add("lock.json");
        }
        try {
            controls();
        } catch (JournalUnreadableException e) {
            names.add("controls.json");
        }
        for (String name : names) {
            Optional<byte[]> bytes = store.get(key(name));
            if (bytes.isPresent()) {
                String archived = name + ".archived-" + ARCHIVE_STAMP.format(now);
                store.put(key(archived), bytes.get());
                store.delete(key(name));
                moved.add(where(name) + " -> " + where(archived));
            }
        }
        state = null;
        return moved;
    }

    private void save(JournalState next, Instant at) {
        write(key("journal.json"), next);
        state = next;
        if (held != null && at.isAfter(held.leaseUntil().minus(LEASE).plus(RENEW_AFTER))) {
            held = held.renewed(at.plus(LEASE));
            write(key("lock.json"), held);
        }
    }

    private String key(String name) {
        return "rollouts/" + fleet + "/" + name;
    }

    private void write(String key, Object value) {
        try {
            store.put(key, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + store.describe(key), e);
        }
    }

    private <T> Optional<T> read(String what, String name, Class<T> type) {
        String key = key(name);
        Optional<byte[]> bytes;
        try {
            bytes = store.get(key);
        } catch (IOException e) {
            throw new JournalUnreadableException(what, store.describe(key), "cannot read: " + printable(String.valueOf(e.getMessage())));
        }
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        if (bytes.get().length == 0) {
            throw new JournalUnreadableException(what, store.describe(key), "the file is empty");
        }
        try {
            T value = JSON.readValue(bytes.get(), type);
            if (value == null) {
                throw new JournalUnreadableException(what, store.describe(key), "it holds null");
            }
            return Optional.of(value);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new JournalUnreadableException(what, store.describe(key), "not a valid " + what + at + ": " + printable(firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new JournalUnreadableException(what, store.describe(key), printable(String.valueOf(e.getMessage())));
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Damaged files hold any bytes: only printable characters reach a terminal, at most 160 of them. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(160).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c));
        return out.toString();
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
