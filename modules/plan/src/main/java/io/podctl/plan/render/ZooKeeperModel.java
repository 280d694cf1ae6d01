package io.podctl.plan.render;

import java.util.List;

/**
 * What {@code zoo.cfg} and {@code myid} say on one ensemble member.
 *
 * @param myId           this member's id; equals the host index and its {@code server.N} line
 * @param tickTimeMs     ZooKeeper's time unit; session timeouts may range from 2 to 20 ticks
 * @param initLimitTicks how long a follower may take to connect and sync to a new leader
 * @param syncLimitTicks how far a follower may lag before the leader drops it
 * @param dataDir        snapshots, transaction log and myid: on the data volume, so a
 *                       replacement instance rejoins with its state instead of a full resync
 */
public record ZooKeeperModel(
        String pod,
        String version,
        int myId,
        int tickTimeMs,
        int initLimitTicks,
        int syncLimitTicks,
        String dataDir,
        int clientPort,
        int adminPort,
        List<Server> servers,
        List<String> fourLetterWords) {

    /** A {@code server.N=host:quorumPort:electionPort} line. */
    public record Server(int id, String host, int quorumPort, int electionPort) {}

    public ZooKeeperModel {
        servers = List.copyOf(servers);
        fourLetterWords = List.copyOf(fourLetterWords);
    }
}
