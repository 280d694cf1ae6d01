package io.podctl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

@ExtendWith(MotoServer.class)
class MotoServerTest {

    @Test
    void missingMotoFailsOnCiWithTheInstallHint() {
        assertThatThrownBy(() -> MotoServer.executable(Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bash scripts/test-deps");
    }

    @Test
    void missingMotoSkipsOutsideCiWithTheInstallHint() {
        assertThatThrownBy(() -> MotoServer.executable(Optional.empty(), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("bash scripts/test-deps");
    }

    @Test
    void explicitPathThatIsNotExecutableIsAnError() {
        String previous = System.setProperty("podctl.moto", "/nonexistent/moto_server");
        try {
            assertThatThrownBy(MotoServer::locate).hasMessageContaining("/nonexistent/moto_server");
        } finally {
            if (previous == null) {
                System.clearProperty("podctl.moto");
            } else {
                System.setProperty("podctl.moto", previous);
            }
        }
    }

    @Test
    void serverListensOnLoopbackAndAnswers(MotoEndpoint moto) throws Exception {
        assertThat(moto.uri().getHost()).isEqualTo("127.0.0.1");
        HttpResponse<Void> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(moto.uri().resolve("/moto-api/data.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void contextResolvedForTestsPointsAtTheServer(AwsContext aws, MotoEndpoint moto) {
        assertThat(aws.endpoint()).contains(moto.uri());
        assertThat(aws.region().id()).isEqualTo(MotoEndpoint.REGION);
    }
}
