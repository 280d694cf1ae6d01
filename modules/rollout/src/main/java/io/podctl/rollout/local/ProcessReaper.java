package io.podctl.rollout.local;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the ZooKeeper processes this JVM started when it exits, so a failed or interrupted test
 * run leaves no server holding ports or data directories.
 */
final class ProcessReaper {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "zookeeper-reaper"));
    }

    private ProcessReaper() {
    }

    static void watch(Process process) {
        LIVE.add(process);
    }

    static void forget(Process process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        LIVE.forEach(Process::destroyForcibly);
    }
}
