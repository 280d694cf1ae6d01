package io.podctl.tests.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Writes sequential znodes as fast as the ensemble acknowledges them, remembering each acknowledged one. */
final class SequentialWriter implements AutoCloseable {

    final List<String> acknowledged = new ArrayList<>();
    final List<Long> ackTimes = new ArrayList<>();
    private final ZooKeeper client;
    private final Thread thread;
    private volatile boolean running = true;
    private final long pauseMillis;

    SequentialWriter(String connect) throws Exception {
        this(connect, 0);
    }

    /** @param pauseMillis time between writes, so several writers leave the CPU to the servers */
    SequentialWriter(String connect, long pauseMillis) throws Exception {
        this.pauseMillis = pauseMillis;
        CountDownLatch connected = new CountDownLatch(1);
        client = new ZooKeeper(connect, 15_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("client did not connect to " + connect);
        }
        client.create("/writes", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        thread = new Thread(this::write, "sequential-writer");
        thread.start();
    }

    private void write() {
        while (running) {
            try {
                String path = client.create("/writes/w-", new byte[8], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                synchronized (this) {
                    acknowledged.add(path);
                    ackTimes.add(System.nanoTime());
                }
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            } catch (KeeperException e) {
                // connection loss while a server restarts: the client reconnects to another; not acknowledged
                Thread.onSpinWait();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    /** The longest time between two acknowledged writes, in ms. */
    synchronized long longestGapMs() {
        long gap = 0;
        for (int i = 1; i < ackTimes.size(); i++) {
            gap = Math.max(gap, ackTimes.get(i) - ackTimes.get(i - 1));
        }
        return gap / 1_000_000;
    }

    /** Acknowledged writes that cannot be read back. */
    synchronized long lost() throws Exception {
        long lost = 0;
        client.sync("/writes", (rc, path, ctx) -> { }, null);
        for (String path : acknowledged) {
            if (client.exists(path, false) == null) {
                lost++;
            }
        }
        return lost;
    }

    void stopWriting() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }

    @Override
    public void close() throws Exception {
        stopWriting();
        client.close();
    }
}
