package io.podctl.aws.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The markers report-step writes, read back from moto's SSM. */
@ExtendWith(MotoServer.class)
class BootMarkersTest {
    private final AwsContext aws;

    BootMarkersTest(AwsContext aws) {
        this.aws = aws;
    }

    private void put(String name, String value) {
        try (SsmClient ssm = aws.ssm()) {
            ssm.putParameter(r -> r.name(name).type(ParameterType.STRING).overwrite(true).value(value));
        }
    }

    @Test
    void controlAndAgentMarkersAreReadByNodeAndInstance() {
        put("/pods/mk-pod/status/control-1", "booted marathon 2026-12-03T10:00:00Z");
        put("/pods/mk-pod/status/control-2", "failed podctl-install-mesos 2026-12-03T10:01:00Z");
        put("/pods/mk-pod/status/agents-general/i-0abc", "failed mesos-agent 2026-12-03T10:02:00Z");
        put("/pods/other-pod/status/control-3", "failed install-zookeeper 2026-12-03T10:03:00Z");

        BootMarkers markers = BootMarkers.read(aws, "mk-pod");

        assertThat(markers.control("control-1").orElseThrow().describe()).isEqualTo("ok");
        BootMarker failed = markers.control("control-2").orElseThrow();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.describe()).isEqualTo("failed at step podctl-install-mesos (2026-12-03T10:01:00Z)");
        assertThat(markers.agent("agents-general", "i-0abc").orElseThrow().step()).isEqualTo("mesos-agent");
        // another pod's markers and a host that has not reported yet
        assertThat(markers.control("control-3")).isEmpty();
        assertThat(markers.all()).hasSize(3);
    }

    @Test
    void markersOnManyPagesAreAllRead() {
        IntStream.rangeClosed(1, 23).forEach(i -> put("/pods/many-pod/status/agents-big/i-" + i, "booted mesos-agent 2026-12-03T10:00:00Z"));

        assertThat(BootMarkers.read(aws, "many-pod").all()).hasSize(23);
    }

    @Test
    void aValueThatIsNotAMarkerIsNamedNotTrusted() {
        put("/pods/odd-pod/status/control-1", "hello");

        BootMarkers markers = BootMarkers.read(aws, "odd-pod");

        assertThat(markers.control("control-1")).isEmpty();
        assertThat(markers.unreadable()).containsEntry("control-1", "/pods/odd-pod/status/control-1");
    }
}
