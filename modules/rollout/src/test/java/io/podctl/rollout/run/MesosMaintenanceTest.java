package io.podctl.rollout.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.podctl.rollout.fakes.FakeMesosCluster;
import io.podctl.rollout.fakes.FakeMesosMaster;
import io.podctl.rollout.fakes.Fixtures;
import io.podctl.rollout.health.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The maintenance client against a fake master that accepts what the fixtures show Mesos accepting. */
class MesosMaintenanceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final List<Map.Entry<String, JsonNode>> received = new ArrayList<>();
    HttpServer master;
    int downStatus = 200;

    @BeforeEach
    void startFakeMaster() throws IOException {
        master = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of("/master/maintenance/schedule", "/master/machine/down", "/master/machine/up")) {
            master.createContext(path, exchange -> {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                received.add(Map.entry(path, body));
                int status = path.endsWith("down") ? downStatus : 200;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
        }
        master.start();
    }

    @AfterEach
    void stop() {
        master.stop(0);
    }

    MesosMaintenance client() {
        return new MesosMaintenance(Endpoint.loopback(master.getAddress().getPort()));
    }

    @Test
    void drainsWithTheShapesMesosDocuments() throws Exception {
        List<AgentMaintenance.Machine> machines = List.of(new AgentMaintenance.Machine("machine1", "10.0.0.1"));

        client().schedule(machines, Instant.ofEpochSecond(1443830400L), Duration.ofHours(1));
        client().down(machines);
        client().up(machines);

        assertThat(received).extracting(Map.Entry::getKey)
                .containsExactly("/master/maintenance/schedule", "/master/machine/down", "/master/machine/up");
        JsonNode fixture = JSON.readTree(Fixtures.read("mesos/maintenance_schedule.example.json"));
        JsonNode schedule = received.get(0).getValue();
        assertThat(fields(schedule.path("windows").get(0))).isEqualTo(fields(fixture.path("windows").get(0)));
        assertThat(schedule.path("windows").get(0).path("unavailability"))
                .isEqualTo(fixture.path("windows").get(0).path("unavailability"));
        JsonNode downFixture = JSON.readTree(Fixtures.read("mesos/machine_down_up.request.example.json"));
        assertThat(received.get(1).getValue().get(0)).isEqualTo(downFixture.get(0));
    }

    @Test
    void refusedDownIsAnErrorNamingTheEndpoint() {
        downStatus = 400;

        assertThatThrownBy(() -> client().down(List.of(new AgentMaintenance.Machine("m", "10.0.0.9"))))
                .isInstanceOf(IOException.class).hasMessageContaining("/master/machine/down").hasMessageContaining("400");
    }

    @Test
    void aMachineWithoutItsIpIsNeverSent() {
        // Mesos would take the missing IP as "", match no agent, and answer 200
        assertThatThrownBy(() -> client().schedule(List.of(new AgentMaintenance.Machine("agent-general-1", "")), Instant.now(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostname and IP");
        assertThat(received).isEmpty();
    }

    @Test
    void registeredAgentsCarryTheHostnameAndIpTheyRegisteredWith() throws Exception {
        FakeMesosCluster cluster = new FakeMesosCluster().masterVersion("1.11.0");
        FakeMesosCluster.Agent agent = cluster.register("general", "1.10.0");
        try (FakeMesosMaster fake = new FakeMesosMaster().cluster(cluster)) {
            MesosMaintenance mesos = new MesosMaintenance(fake.endpoint());

            assertThat(mesos.agents()).containsExactly(new AgentMaintenance.Agent(agent.id(),
                    new AgentMaintenance.Machine(agent.hostname(), agent.ip()), "1.10.0", true, false, "", Map.of("pool", "general")));
            assertThat(mesos.masterVersion()).isEqualTo("1.11.0");
        }
    }

    @Test
    void ipComesFromTheAgentsPid() {
        assertThat(MesosMaintenance.ipOf("slave(1)@127.0.1.1:34626")).isEqualTo("127.0.1.1");
        assertThat(MesosMaintenance.ipOf("garbage")).isEmpty();
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

}
