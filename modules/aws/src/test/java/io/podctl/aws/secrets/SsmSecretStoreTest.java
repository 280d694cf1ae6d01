package io.podctl.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.aws.AwsCallFailed;
import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.MotoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

@ExtendWith(MotoServer.class)
class SsmSecretStoreTest {

    private static final String VALUE = "zk-digest-V4lue-that-must-not-leak";

    private final AwsContext aws;
    private final SecretStore store;

    SsmSecretStoreTest(AwsContext aws) {
        this.aws = aws;
        this.store = new SsmSecretStore(aws);
    }

    @Test
    void putStoresAnEncryptedParameterUnderThePod() {
        String name = store.put("put-pod", "zookeeper/digest", VALUE.toCharArray());

        assertThat(name).isEqualTo("/pods/put-pod/zookeeper/digest");
        try (SsmClient ssm = aws.ssm()) {
            // only the test reads the value back, to prove it was stored as given
            Parameter stored = ssm.getParameter(r -> r.name(name).withDecryption(true)).parameter();
            assertThat(stored.type()).isEqualTo(ParameterType.SECURE_STRING);
            assertThat(stored.value()).isEqualTo(VALUE);
        }
    }

    @Test
    void putOverwritesAnExistingSecret() {
        store.put("over-pod", "marathon/http-credentials", "first");
        store.put("over-pod", "marathon/http-credentials", "second");

        try (SsmClient ssm = aws.ssm()) {
            Parameter stored =
                    ssm.getParameter(
                                    r ->
                                            r.name("/pods/over-pod/marathon/http-credentials")
                                                    .withDecryption(true))
                            .parameter();
            assertThat(stored.value()).isEqualTo("second");
            assertThat(stored.version()).isEqualTo(2L);
        }
    }

    @Test
    void listShowsNamesAndDatesButNeverValues() {
        Instant before = Instant.now().minusSeconds(60);
        store.put("list-pod", "marathon/http-credentials", VALUE);
        store.put("list-pod", "zookeeper.digest", VALUE + "-2");
        store.put("list-pod-2", "neighbour", "x");

        List<SecretEntry> entries = store.list("list-pod");

        assertThat(entries)
                .extracting(SecretEntry::key)
                .containsExactly("marathon/http-credentials", "zookeeper.digest");
        assertThat(entries)
                .extracting(SecretEntry::parameterName)
                .containsExactly(
                        "/pods/list-pod/marathon/http-credentials",
                        "/pods/list-pod/zookeeper.digest");
        assertThat(entries).allSatisfy(e -> assertThat(e.lastModified()).isAfter(before));
        assertThat(entries.toString()).doesNotContain(VALUE);
    }

    @Test
    void listFollowsPagesBeyondTheFirst() {
        // DescribeParameters returns 10 per page unless asked otherwise
        IntStream.rangeClosed(1, 13).forEach(i -> store.put("many-pod", "key-" + i, "v" + i));

        assertThat(store.list("many-pod")).hasSize(13);
    }

    @Test
    void listOfAPodWithoutSecretsIsEmpty() {
        assertThat(store.list("empty-pod")).isEmpty();
    }

    @Test
    void keyOutsideTheAllowedCharactersIsRejectedWithoutTheValue() {
        assertThatThrownBy(() -> store.put("p1", "bad key!", VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad key!")
                .hasMessageNotContaining(VALUE);
        assertThatThrownBy(() -> store.put("p1", "../escape", VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("p1", "/absolute", VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("Not_A_Pod", "k", VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not_A_Pod");
    }

    @Test
    void failedPutNamesTheParameterButCarriesNeitherValueNorSdkCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AwsContext unreachable =
                AwsContext.of(
                        MotoEndpoint.REGION,
                        new MotoEndpoint(URI.create("http://127.0.0.1:" + closedPort))
                                .credentials(),
                        URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> new SsmSecretStore(unreachable).put("p1", "k", VALUE))
                .isInstanceOf(AwsCallFailed.class)
                .hasMessageContaining("/pods/p1/k")
                .hasMessageNotContaining(VALUE)
                .hasNoCause();
    }

    @Test
    void theRolloutReadsBackTheValueOfAReference() {
        String name = store.put("prd-pod-1", "marathon/http-credentials", "podctl:s3cr3t");

        assertThat(new SecretReader(aws).read("ssm:" + name)).isEqualTo("podctl:s3cr3t");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretReader(aws).read("ssm:/pods/prd-pod-1/missing"))
                .isInstanceOf(AwsCallFailed.class).hasMessageContaining("ssm:/pods/prd-pod-1/missing");
    }
}
