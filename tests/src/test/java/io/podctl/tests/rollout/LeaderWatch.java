package io.podctl.tests.rollout;

import io.podctl.rollout.health.Endpoint;
import io.podctl.rollout.health.ZooKeeperProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Polls srvr on every member and keeps the sequence of distinct leaders it saw. */
final class LeaderWatch implements AutoCloseable {

    final List<Endpoint> leaders = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    LeaderWatch(ZooKeeperProbe probe) {
        thread = new Thread(() -> {
            while (running) {
                Optional<Endpoint> leader = probe.leader();
                synchronized (this) {
                    if (leader.isPresent() && (leaders.isEmpty() || !leaders.get(leaders.size() - 1).equals(leader.get()))) {
                        leaders.add(leader.get());
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "leader-watch");
        thread.start();
    }

    synchronized List<Endpoint> leaders() {
        return List.copyOf(leaders);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
