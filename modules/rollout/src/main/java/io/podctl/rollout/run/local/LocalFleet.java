package io.podctl.rollout.run.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "local fleet" file: per pod, each ZooKeeper node's loopback client port, config, data
 * directory, pid file and running version, plus the versions the other roles are deployed at.
 * It is the deployed state of a local fleet: the driver rewrites a node's version once it runs it.
 *
 * @param zookeeperDists directory with one {@code <version>/lib} per ZooKeeper release; blank for the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalFleet(Map<String, Pod> pods, String zookeeperDists) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LocalFleet {
        pods = new LinkedHashMap<>(pods == null ? Map.of() : pods);
    }

    /** @param zookeeper node name (zk-1, or control-1 when roles share hosts) to the local server */
    public record Pod(Map<String, ZooKeeperNode> zookeeper, String mesos, String marathon) {
        public Pod {
            zookeeper = new LinkedHashMap<>(zookeeper == null ? Map.of() : zookeeper);
        }
    }

    /** One local ZooKeeper server started from {@code config} (a loopback zoo.cfg). */
    public record ZooKeeperNode(int clientPort, String config, String dataDir, String version, String pidFile, String logFile) {
        public ZooKeeperNode withVersion(String newVersion) {
            return new ZooKeeperNode(clientPort, config, dataDir, newVersion, pidFile, logFile);
        }
    }

    public static LocalFleet read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), LocalFleet.class);
    }

    /** Written to a temp file and moved over the old one, so a killed run never leaves half a file. */
    public void write(Path file) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        JSON.writeValue(temp.toFile(), this);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public LocalFleet withZooKeeper(String pod, String node, ZooKeeperNode server) {
        Map<String, Pod> next = new LinkedHashMap<>(pods);
        Pod old = next.get(pod);
        Map<String, ZooKeeperNode> servers = new LinkedHashMap<>(old.zookeeper());
        servers.put(node, server);
        next.put(pod, new Pod(servers, old.mesos(), old.marathon()));
        return new LocalFleet(next, zookeeperDists);
    }
}
