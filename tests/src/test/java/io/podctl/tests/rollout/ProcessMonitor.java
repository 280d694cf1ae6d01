package io.podctl.tests.rollout;

import io.podctl.rollout.health.ZooKeeperNodeStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls every 50 ms, per pod, how many ZooKeeper server processes are alive (from their pid
 * files) and how many serve. A quorum loss is a poll with fewer than two alive: what a rollout
 * that stops a second node would cause. Time without a serving majority includes the one
 * election a leader-last upgrade costs, so it is reported, not judged.
 */
final class ProcessMonitor implements AutoCloseable {

    private final LocalPods pods;
    private final List<String> names;
    private final Thread thread;
    private final List<String> losses = new ArrayList<>();
    private final Map<String, Long> withoutMajoritySince = new LinkedHashMap<>();
    private volatile boolean running = true;
    private long longestWithoutMajorityNanos;

    ProcessMonitor(LocalPods pods, List<String> names) {
        this.pods = pods;
        this.names = List.copyOf(names);
        this.thread = new Thread(this::poll, "quorum-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (String pod : names) {
                try {
                    long alive = 0;
                    for (String node : pods.idsByNode.get(pod).keySet()) {
                        if (ProcessHandle.of(pods.pid(pod, node)).map(ProcessHandle::isAlive).orElse(false)) {
                            alive++;
                        }
                    }
                    if (alive < 2) {
                        synchronized (this) {
                            losses.add(pod + ": " + alive + " of 3 alive at " + java.time.Instant.now());
                        }
                    }
                    long serving = pods.probe(pod).statuses().stream().filter(ZooKeeperNodeStatus::inQuorum).count();
                    track(pod, serving >= 2);
                } catch (IOException | NumberFormatException e) {
                    // a pid file being rewritten: the next poll reads it
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void track(String pod, boolean majority) {
        long now = System.nanoTime();
        if (majority) {
            Long since = withoutMajoritySince.remove(pod);
            if (since != null) {
                longestWithoutMajorityNanos = Math.max(longestWithoutMajorityNanos, now - since);
            }
        } else {
            withoutMajoritySince.putIfAbsent(pod, now);
        }
    }

    synchronized int quorumLosses() {
        return losses.size();
    }

    synchronized List<String> losses() {
        return List.copyOf(losses);
    }

    synchronized long longestWithoutMajorityMs() {
        return longestWithoutMajorityNanos / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
