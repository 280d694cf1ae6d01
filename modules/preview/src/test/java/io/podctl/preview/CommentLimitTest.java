package io.podctl.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentLimitTest {
    @TempDir
    Path dir;

    /** 200 pods each carrying a real zone-change diff: far over GitHub's limit in full. */
    @Test
    void twoHundredChangedPodsKeepTheWholeSummaryAndCutDetailsWithANote() throws Exception {
        PodChange real = GitFleet.withExampleFleet(dir)
                .edit("not-prod-pod-2.yaml", t -> t.replace("zones: [us-west-2b]", "zones: [us-west-2c]"))
                .commit("zone change").diffLastCommit().changed().get(0);
        List<PodChange> pods = IntStream.rangeClosed(1, 200).mapToObj(i -> new PodChange(String.format("pod-%03d", i),
                i % 4 == 0 ? "not-prod" : "prod", PodChange.Status.CHANGED, real.specChanges(), real.resources(),
                i % 10 == 0 ? List.of() : real.risks(), real.rollout())).toList();
        FleetDiff fleet = new FleetDiff("origin/main", "HEAD", pods);

        String comment = CommentRenderer.render(fleet);

        assertThat(comment.length()).isLessThanOrEqualTo(CommentRenderer.GITHUB_LIMIT);
        assertThat(comment).startsWith(CommentRenderer.MARKER + "\n");
        assertThat(comment.lines().filter(l -> l.startsWith("| **pod-"))).hasSize(200);
        long detailed = comment.lines().filter(l -> l.startsWith("<details>")).count();
        assertThat(detailed).isBetween(1L, 199L);
        assertThat(comment).contains("> ✂️ Details of " + (200 - detailed) + " pod(s) were cut to keep this comment under GitHub's 65536");
        // the riskiest pods keep their details; the 20 without risks are cut first
        assertThat(comment).doesNotContain("<b>pod-010</b>").contains("<b>pod-001</b>");
        Golden.check("fleet-200", comment);
    }

    @Test
    void commentThatFitsIsNotCut() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("prd-pod-2.yaml", t -> t.replace("count: 9", "count: 12")).commit("more agents").diffLastCommit();

        String comment = CommentRenderer.render(diff);

        assertThat(comment).contains("<details>").doesNotContain("were cut");
        assertThat(CommentRenderer.render(diff, comment.length() - 1)).doesNotContain("<details>").contains("Details of 1 pod(s) were cut")
                .contains("| **prd-pod-2** | prod |");
    }
}
