package io.podctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code podctl diff} on a scratch git repository, as the pull-request workflow runs it. */
class DiffCliTest {
    @TempDir
    Path repo;

    @Test
    void diffOfAPullRequestPrintsTheCommentAndFailsOnSpecErrors() throws Exception {
        Podctl.copyFleet(repo);
        git("init", "-q", "-b", "main");
        commit("example fleet");
        Path pod = repo.resolve("pods/prd-pod-2.yaml");
        Files.writeString(pod, Files.readString(pod).replace("count: 9", "count: 12"));
        commit("more agents on prd-pod-2");

        Podctl.Result markdown = Podctl.run(repo, "diff", "--base", "HEAD~1", "--head", "HEAD", "--output", "markdown");
        assertThat(markdown.exitCode()).as(markdown.stderr()).isZero();
        assertThat(markdown.stdout()).startsWith("<!-- podctl-diff -->\n")
                .contains("| **prd-pod-2** | prod | 0 | 1 | 0 | 0 |")
                .contains("Unchanged: not-prod-pod-1, not-prod-pod-2, prd-pod-1")
                .contains("`prod-first`");

        // default base (HEAD~1 without origin/main) against the working tree, as JSON
        Podctl.Result json = Podctl.run(repo, "diff", "--output", "json", "prd-pod-2");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode pods = new ObjectMapper().readTree(json.stdout()).get("pods");
        assertThat(pods).hasSize(1);
        assertThat(pods.get(0).get("resources").get(0).get("inputs").get(0).get("path").asText()).isEqualTo("desiredCapacity");

        Files.writeString(pod, Files.readString(pod).replace("count: 12", "count: lots"));
        Podctl.Result broken = Podctl.run(repo, "diff");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.stderr()).containsPattern("pods/prd-pod-2.yaml:\\d+:\\d+: error: ");
    }

    private void commit(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("-c", "user.email=test@podctl.invalid", "-c", "user.name=test", "commit", "-q", "-m", message);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
        assertThat(p.waitFor()).as("git %s", String.join(" ", args)).isZero();
    }
}
