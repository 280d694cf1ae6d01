package io.podctl.cli;

import io.podctl.infra.MockEngineRun;
import io.podctl.preview.CommentRenderer;
import io.podctl.preview.FleetDiff;
import io.podctl.preview.FleetDiffer;
import io.podctl.preview.GraphCache;
import io.podctl.preview.GitSpecs;
import io.podctl.preview.Reports;
import io.podctl.preview.SpecErrors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what a change to pods/ does to each pod's resources, and what is risky about it.",
            "Reads the specs at two git revisions, runs each changed pod's program offline under the mock engine",
            "(no credentials, no network) and compares the resource graphs: created, updated, replaced (and why), deleted."},
        footer = {"", "Examples:",
            "  podctl diff                                   # working tree against the merge base with origin/main",
            "  podctl diff --base origin/main --output markdown > comment.md",
            "  podctl diff --base HEAD~3 --head HEAD prd-pod-1",
            "", "Exit codes: 0 diff printed (risks do not fail it), 2 spec errors at either revision, unknown ref or pod."})
final class DiffCommand implements Callable<Integer> {

    /** How the diff prints: a terminal, the pull-request comment, or scripts. */
    enum Format { text, markdown, json }

    @Parameters(paramLabel = "POD", arity = "0..*", description = "Only these pods (default: all).")
    List<String> pods;

    @Option(names = "--base", paramLabel = "REF", description = "Base revision (default: merge base with origin/main, else HEAD~1).")
    String base;

    @Option(names = "--head", paramLabel = "REF", description = "Head revision (default: the working tree).")
    String head;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default), markdown (the PR comment) or json.")
    Format output = Format.text;

    @Option(names = {"--pods", "--pods-dir"}, paramLabel = "DIR", description = "The pods directory, relative to the repository root (default: pods).")
    String podsDir = "pods";

    @Option(names = "--no-cache", description = "Run every changed pod through the mock engine, ignoring graphs cached in .podctl/cache/.")
    boolean noCache;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FleetDiff diff;
        // the SDK's classes load while git is read and the specs are bound (most of a first run's cost)
        MockEngineRun.warmUpInBackground(true);
        try {
            Path repo = GitSpecs.topLevel(Path.of("").toAbsolutePath());
            GitSpecs git = new GitSpecs(repo, podsDir);
            String baseRef = base != null ? base : git.defaultBase();
            Optional<GraphCache> cache = noCache ? Optional.empty() : Optional.of(GraphCache.at(repo.resolve(".podctl/cache/graphs")));
            diff = FleetDiffer.diff(git, baseRef, head, pods == null ? List.of() : pods, cache);
        } catch (GitSpecs.GitException e) {
            throw new UserError(e.getMessage());
        } catch (SpecErrors e) {
            e.lines().forEach(err::println);
            err.flush();
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (output) {
            case markdown -> CommentRenderer.render(diff);
            case json -> Reports.json(diff) + "\n";
            case text -> Reports.text(diff);
        });
        out.flush();
        return ExitCode.OK;
    }
}
