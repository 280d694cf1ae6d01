package io.podctl.rollout.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackZooCfgTest {

    private static final String PLANNED = """
            # rendered for prd-pod-1
            tickTime=2000
            initLimit=10
            syncLimit=5
            dataDir=/var/lib/zookeeper
            clientPort=2181
            4lw.commands.whitelist=srvr,mntr,ruok
            admin.serverPort=8081
            server.1=10.0.1.10:2888:3888;2181
            server.2=10.0.2.10:2888:3888:participant;0.0.0.0:2181
            server.3=zk3.prd-pod-1.internal:2888:3888
            """;

    private final Map<Integer, NodePorts> ports = Map.of(
            1, new NodePorts(21811, 28881, 38881, 18081),
            2, new NodePorts(21812, 28882, 38882, 18082),
            3, new NodePorts(21813, 28883, 38883, 18083));

    @Test
    void everyAddressAndPortMovesToLoopback() {
        String local = LoopbackZooCfg.rewrite(PLANNED, 2, ports, Path.of("/tmp/zk2/data"));

        assertThat(local.lines()).contains(
                "server.1=127.0.0.1:28881:38881;127.0.0.1:21811",
                "server.2=127.0.0.1:28882:38882:participant;127.0.0.1:21812",
                "server.3=127.0.0.1:28883:38883",
                "clientPort=21812",
                "clientPortAddress=127.0.0.1",
                "dataDir=/tmp/zk2/data",
                "admin.serverPort=18082",
                "admin.serverAddress=127.0.0.1");
        assertThat(local).doesNotContain("10.0.").doesNotContain("0.0.0.0").doesNotContain("prd-pod-1.internal");
    }

    @Test
    void otherSettingsAndCommentsAreKept() {
        String local = LoopbackZooCfg.rewrite(PLANNED, 1, ports, Path.of("/tmp/zk1/data"));

        assertThat(local.lines()).contains("# rendered for prd-pod-1", "tickTime=2000", "syncLimit=5",
                "4lw.commands.whitelist=srvr,mntr,ruok");
    }

    @Test
    void serverWithoutPortsIsRejected() {
        Map<Integer, NodePorts> twoOnly = Map.of(1, ports.get(1), 2, ports.get(2));

        assertThatThrownBy(() -> LoopbackZooCfg.rewrite(PLANNED, 1, twoOnly, Path.of("/tmp/d")))
                .hasMessageContaining("server.3");
    }

    @Test
    void allocatedPortsAreDistinct() {
        var allocated = NodePorts.allocate(3);

        assertThat(allocated.stream().flatMap(p -> java.util.stream.Stream.of(p.client(), p.quorum(), p.election(), p.admin())))
                .doesNotHaveDuplicates().hasSize(12);
    }
}
