package io.podctl.aws.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.aws.AwsContext;
import io.podctl.aws.MotoServer;
import io.podctl.aws.command.CommandResult.Outcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;

import java.time.Duration;

/**
 * Against moto, which records the command and reports every invocation as Success at once with
 * empty output: it does not execute scripts. What is checked here is the request podctl sends and
 * that a final status ends the wait.
 */
@ExtendWith(MotoServer.class)
class SsmRunCommandTest {

    private static final String SRVR = "echo srvr | nc 127.0.0.1 2181";

    private final AwsContext aws;

    SsmRunCommandTest(AwsContext aws) {
        this.aws = aws;
    }

    @Test
    void commandIsSentAsRunShellScriptAndItsFinalStatusReturned() {
        String instance = launchInstance();

        CommandResult result;
        try (RemoteCommand remote = new SsmRunCommand(aws, Duration.ofMillis(50))) {
            result = remote.run(instance, SRVR, Duration.ofSeconds(20));
        }

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.instanceId()).isEqualTo(instance);
        try (SsmClient ssm = aws.ssm()) {
            Command sent = ssm.listCommands(r -> r.instanceId(instance)).commands().get(0);
            assertThat(sent.documentName()).isEqualTo("AWS-RunShellScript");
            assertThat(sent.parameters().get("commands")).containsExactly(SRVR);
            assertThat(sent.parameters().get("executionTimeout")).containsExactly("20");
            assertThat(sent.instanceIds()).containsExactly(instance);
        }
    }

    private String launchInstance() {
        try (Ec2Client ec2 = aws.ec2()) {
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            return ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1))
                    .instances()
                    .get(0)
                    .instanceId();
        }
    }
}
