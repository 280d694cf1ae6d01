package io.podctl.cli;

import io.podctl.infra.MockEngineRun;
import io.podctl.infra.ProgramOptions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.UserData;
import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.load.SpecLoader;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.validate.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what a pod is made of: its hosts, agent pools and every AWS resource its Pulumi program declares.",
            "Offline: the program runs under Pulumi's in-process mock engine, so no credentials, no Pulumi CLI, no AWS calls.",
            "References to other resources show as their logical names; addresses AWS picks show as '(known after deploy)'."},
        footer = {"", "Examples:",
            "  podctl plan prd-pod-1                # hosts, pools, resources, counts",
            "  podctl plan prd-pod-1 --show-config  # plus the files hosts write at boot",
            "  podctl plan prd-pod-1 -o json | jq '.resources[].name'",
            "  podctl plan prd-pod-1 --pods ../fleet/pods",
            "", "Exit codes: 0 planned, 2 spec errors (FILE:LINE:COLUMN on stderr), a host's user data over EC2's 16,384 bytes, or unknown pod."})
final class PlanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "POD", description = "The pod's name (its file is PODS/<POD>.yaml).")
    String pod;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json: one JSON document.")
    OutputFormat output = OutputFormat.text;

    @Option(names = "--show-config", description = "Also print every rendered file of every host and agent pool.")
    boolean showConfig;

    @Option(names = "--pods", paramLabel = "DIR", description = "The fleet directory (default: pods).")
    Path podsDir = Path.of("pods");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the SDK's first run is mostly class loading: overlap it with reading and planning the specs
        CompletableFuture<Void> engineWarmUp = MockEngineRun.warmUpInBackground(false);
        // the whole fleet is loaded: fleet.yaml defaults and cross-pod rules apply to the one pod
        SpecSet fleet = SpecLoader.load(List.of(podsDir));
        if (fleet.hasErrors()) {
            fleet.findings().stream().filter(Finding::isError).forEach(err::println);
            err.println("podctl: " + ValidateCommand.plural((int) fleet.errors(), "error") + " in the specs under " + podsDir
                    + "; nothing planned");
            return ExitCode.BAD_INPUT;
        }
        LoadedPod loaded = fleet.find(pod).orElseThrow(() -> new UserError("unknown pod '" + pod + "'; pods under " + podsDir + ": "
                + (fleet.podNames().isEmpty() ? "(none)" : String.join(", ", fleet.podNames()))));
        PodPlan plan = PodPlanner.plan(loaded.pod());
        List<UserData.Oversized> oversized = UserData.oversized(plan);
        if (!oversized.isEmpty()) {
            oversized.forEach(err::println);
            err.println("podctl: EC2 would refuse the user data of " + ValidateCommand.plural(oversized.size(), "host") + "; nothing planned");
            return ExitCode.BAD_INPUT;
        }
        MockEngineRun.Result run;
        try {
            engineWarmUp.join();
            run = MockEngineRun.run(plan, ProgramOptions.defaults());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PlanReport report = new PlanReport(plan, run, showConfig);
        out.print(output == OutputFormat.json ? report.json() : report.text());
        out.flush();
        return ExitCode.OK;
    }
}
