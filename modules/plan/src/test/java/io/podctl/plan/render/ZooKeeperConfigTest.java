package io.podctl.plan.render;

import static io.podctl.plan.render.Rendered.examplePlan;
import static io.podctl.plan.render.Rendered.file;
import static io.podctl.plan.render.Rendered.zooCfg;
import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Ports;
import io.podctl.plan.Role;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZooKeeperConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void everyMemberListsTheWholeEnsembleByItsZooKeeperNames(String pod) {
        PodPlan plan = examplePlan(pod);
        assertThat(plan.hostsRunning(Role.ZOOKEEPER)).hasSize(3);
        for (Host host : plan.hostsRunning(Role.ZOOKEEPER)) {
            Properties cfg = zooCfg(host);
            for (int id = 1; id <= 3; id++) {
                assertThat(cfg.getProperty("server." + id)).isEqualTo("zk-" + id + "." + pod + ".pod.internal:2888:3888");
            }
            assertThat(cfg.stringPropertyNames().stream().filter(k -> k.startsWith("server."))).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void myidIsTheHostIndexAndNamesItsOwnServerLine(String pod) {
        PodPlan plan = examplePlan(pod);
        for (Host host : plan.hostsRunning(Role.ZOOKEEPER)) {
            int myid = Integer.parseInt(file(host, Layout.STANDARD.zooMyid()).strip());
            assertThat(myid).isEqualTo(host.index());
            assertThat(zooCfg(host).getProperty("server." + myid)).startsWith(plan.dnsNameFor(host, Role.ZOOKEEPER) + ":");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void dataDirIsOnTheDataVolumeAndTimingIsSet(String pod) {
        Properties cfg = zooCfg(examplePlan(pod).hostsRunning(Role.ZOOKEEPER).get(0));
        assertThat(cfg.getProperty("dataDir")).startsWith(Layout.STANDARD.dataMount() + "/");
        assertThat(cfg.getProperty("clientPort")).isEqualTo("2181");
        assertThat(Integer.parseInt(cfg.getProperty("tickTime"))).isEqualTo(2000);
        assertThat(Integer.parseInt(cfg.getProperty("initLimit"))).isGreaterThan(Integer.parseInt(cfg.getProperty("syncLimit")));
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void probesFourLetterWordsAreWhitelisted(String pod) {
        Properties cfg = zooCfg(examplePlan(pod).hostsRunning(Role.ZOOKEEPER).get(0));
        assertThat(cfg.getProperty("4lw.commands.whitelist").split(",")).containsExactlyInAnyOrder("srvr", "mntr", "ruok");
    }

    @ParameterizedTest
    @ValueSource(strings = {Rendered.PROD, Rendered.NOT_PROD})
    void adminServerStaysOffMarathonsPort(String pod) {
        for (Host host : examplePlan(pod).hostsRunning(Role.ZOOKEEPER)) {
            assertThat(zooCfg(host).getProperty("admin.serverPort")).isEqualTo("8081").isNotEqualTo(Integer.toString(Ports.MARATHON));
        }
    }
}
