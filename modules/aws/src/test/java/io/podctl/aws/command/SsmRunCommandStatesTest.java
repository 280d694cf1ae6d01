package io.podctl.aws.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoEndpoint;
import io.podctl.aws.command.CommandResult.Outcome;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** Run Command states moto never reports, played by {@link ScriptedSsm}. */
class SsmRunCommandStatesTest {

    private static final String SENT =
            "{\"Command\":{\"CommandId\":\"cmd-1\",\"Status\":\"Pending\"}}";

    private ScriptedSsm ssm;
    private RemoteCommand remote;

    @BeforeEach
    void start() throws Exception {
        ssm = new ScriptedSsm();
        AwsContext context =
                AwsContext.of(
                        MotoEndpoint.REGION,
                        new MotoEndpoint(ssm.endpoint()).credentials(),
                        ssm.endpoint());
        remote = new SsmRunCommand(context, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        remote.close();
        ssm.close();
    }

    @Test
    void waitsThroughUnknownAndRunningInvocationsUntilTheOutput() {
        ssm.on("SendCommand", SENT)
                .on(
                        "GetCommandInvocation",
                        "!InvocationDoesNotExist",
                        "{\"Status\":\"InProgress\",\"ResponseCode\":-1}",
                        "{\"Status\":\"Success\",\"ResponseCode\":0,\"StandardOutputContent\":\"Mode: leader\\n"
                                + "\"}");

        CommandResult result =
                remote.run("i-1", "echo srvr | nc 127.0.0.1 2181", Duration.ofSeconds(20));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.stdout()).isEqualTo("Mode: leader\n");
        assertThat(ssm.calls("GetCommandInvocation")).isEqualTo(3);
    }

    @Test
    void scriptExitingNonZeroIsAFailureWithItsOutput() {
        ssm.on("SendCommand", SENT)
                .on(
                        "GetCommandInvocation",
                        "{\"Status\":\"Failed\",\"StatusDetails\":\"Failed\",\"ResponseCode\":1,"
                                + "\"StandardErrorContent\":\"nc: connect refused\"}");

        CommandResult result =
                remote.run("i-1", "echo srvr | nc 127.0.0.1 2181", Duration.ofSeconds(20));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("refused");
    }

    @Test
    void deadlinePassingCancelsTheCommandAndReportsTimedOut() {
        ssm.on("SendCommand", SENT).on("GetCommandInvocation", "{\"Status\":\"InProgress\"}");

        long started = System.nanoTime();
        CommandResult result = remote.run("i-1", "sleep 600", Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(took)
                .isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .isLessThan(Duration.ofSeconds(10));
        assertThat(ssm.calls("CancelCommand")).isEqualTo(1);
    }

    @Test
    void instanceWithoutAgentIsUnreachableNotAnError() {
        ssm.on("SendCommand", "!InvalidInstanceId");

        CommandResult result = remote.run("i-gone", "true", Duration.ofSeconds(5));

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(ssm.calls("GetCommandInvocation")).isZero();
    }

    @Test
    void undeliveredCommandIsUnreachable() {
        ssm.on("SendCommand", SENT)
                .on(
                        "GetCommandInvocation",
                        "{\"Status\":\"Failed\",\"StatusDetails\":\"Undeliverable\"}");

        assertThat(remote.run("i-1", "true", Duration.ofSeconds(5)).outcome())
                .isEqualTo(Outcome.UNREACHABLE);
    }
}
