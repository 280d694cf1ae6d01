package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** podctl plan as a process: offline, the example fleet, JSON, unknown pods and broken specs. */
class PlanCliTest {
    private static final Pattern HOST_ROW = Pattern.compile("(?m)^(\\S+-(?:zk|master|marathon|control)-\\d)\\s+(\\S+)\\s+(us-west-2[a-c])\\s+(10\\.\\S+)\\s");

    @TempDir
    Path dir;

    @Test
    void prodPodHasNineControlHostsStripedOverThreeZones() throws Exception {
        Podctl.copyFleet(dir);
        var r = Podctl.run(dir, "plan", "prd-pod-1");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Matcher rows = HOST_ROW.matcher(r.stdout());
        Set<String> hosts = new HashSet<>();
        Set<String> zones = new HashSet<>();
        while (rows.find()) {
            hosts.add(rows.group(1));
            zones.add(rows.group(3));
        }
        assertThat(hosts).hasSize(9).contains("prd-pod-1-zk-1", "prd-pod-1-master-2", "prd-pod-1-marathon-3");
        assertThat(zones).containsExactlyInAnyOrder("us-west-2a", "us-west-2b", "us-west-2c");
        assertThat(r.stdout()).contains("Control hosts (9)", "prd-pod-1-agents-general", "us-west-2a=2 us-west-2b=2 us-west-2c=2",
                "prd-pod-1-zookeeper (podctl:pod:ZooKeeperEnsemble", "delete-before-replace", "retain-on-delete")
                .containsPattern("(?m)^  aws:ec2/instance:Instance\\s+9$")
                .containsPattern("(?m)^  total\\s+\\d+$");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void sharedNotProdPodHasThreeHostsRunningEveryRole() throws Exception {
        Podctl.copyFleet(dir);
        var r = Podctl.run(dir, "plan", "not-prod-pod-1");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Control hosts (3)", "not-prod-pod-1-control (podctl:pod:SharedControlHosts")
                .containsPattern("(?m)^not-prod-pod-1-control-1\\s+zookeeper\\+mesos-master\\+marathon\\s+us-west-2a\\s")
                .containsPattern("(?m)^not-prod-pod-1-control-3\\s+zookeeper\\+mesos-master\\+marathon\\s+us-west-2a\\s")
                .doesNotContain("not-prod-pod-1-zk-1");
    }

    @Test
    void jsonOutputIsOneDocumentWithHostsAndResources() throws Exception {
        Podctl.copyFleet(dir);
        var r = Podctl.run(dir, "plan", "prd-pod-2", "--output", "json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.stdout());
        assertThat(doc.get("pod").asText()).isEqualTo("prd-pod-2");
        assertThat(doc.get("hosts")).hasSize(9);
        assertThat(doc.at("/hosts/0/instanceType").asText()).isEqualTo("m5.xlarge");
        assertThat(doc.at("/agentPools/0/count").asInt()).isEqualTo(9);
        int instances = 0;
        for (JsonNode res : doc.get("resources")) {
            if (res.get("type").asText().equals("aws:ec2/instance:Instance")) {
                instances++;
                assertThat(res.at("/options/deleteBeforeReplace").asBoolean()).isTrue();
            }
        }
        assertThat(instances).isEqualTo(9);
        assertThat(doc.at("/counts/aws:ec2~1instance:Instance").asInt()).isEqualTo(9);
        assertThat(doc.get("total").asInt()).isEqualTo(doc.get("resources").size() - 6);
        assertThat(doc.at("/outputs/vpcId").asText()).isEqualTo("prd-pod-2-vpc");
    }

    @Test
    void unknownPodExitsTwoAndListsTheKnownPods() throws Exception {
        Podctl.copyFleet(dir);
        var r = Podctl.run(dir, "plan", "prd-pod-9");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("unknown pod 'prd-pod-9'")
                .contains("not-prod-pod-1, not-prod-pod-2, prd-pod-1, prd-pod-2");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void brokenSpecExitsTwoWithFileLineColumnAndPlansNothing() throws Exception {
        Path pods = Podctl.copyFleet(dir);
        Path pod = pods.resolve("prd-pod-1.yaml");
        Files.writeString(pod, Files.readString(pod).replace("placement: stripe", "placment: stripe"));
        var r = Podctl.run(dir, "plan", "prd-pod-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("pods/prd-pod-1.yaml:11:3: error: unknown field 'placment'");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.all()).doesNotContain("\tat ");
    }
}
