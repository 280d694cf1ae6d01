package io.podctl.engine;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.ConcurrentUpdateException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failed CLI run into what a user can act on: one sentence naming the pod and the cause,
 * one line per failed resource, and the right kind of failure (setup problems are bad input, a
 * locked stack is waiting). The CLI's whole output stays on the exception's cause for --debug.
 */
final class CliFailures {

    /** Lines of a CLI error that are framing, not the cause. */
    private static final List<String> NOISE = List.of("error: update failed", "error: preview failed",
            "error: destroy failed", "error: refresh failed");

    private CliFailures() {}

    static RuntimeException translate(String what, String pod, EngineSettings settings, AutomationException e,
            List<String> resourceErrors) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        if (e instanceof ConcurrentUpdateException || lower.contains("the stack is currently locked")
                || lower.contains("conflict: another update is currently in progress")) {
            return new StackBusy("pod " + pod + "'s stack is busy: another podctl or pulumi run is changing it;"
                    + " wait for that run to end and try again (a run that was killed leaves its lock in "
                    + settings.backendUrl() + " until `pulumi cancel` in " + settings.workDir(pod) + ")", e);
        }
        if (lower.contains("incorrect passphrase") || lower.contains("passphrase must be set")) {
            return new EngineSetupException(EngineSettings.PASSPHRASE_ENV + " does not decrypt the secrets of pod " + pod
                    + "'s stack: set it to the passphrase the stack was created with; nothing was changed");
        }
        if (lower.contains("no resource plugin") || lower.contains("failed to download plugin")
                || lower.contains("could not find plugin")) {
            return new EngineSetupException(AwsPlugin.missing(firstCause(text)));
        }
        if (!resourceErrors.isEmpty()) {
            return new EngineFailure(what + " failed on " + resourceErrors.size() + " resource(s):\n  "
                    + String.join("\n  ", resourceErrors), e);
        }
        return new EngineFailure(what + " failed: " + firstCause(text), e);
    }

    /**
     * The first error line of a CLI run's output, without the framing around it; the CLI prints a
     * "code: N stdout: ... stderr: ..." dump whose useful part is its {@code error:} lines.
     */
    static String firstCause(String text) {
        List<String> lines = text.lines().map(l -> l.strip().replaceFirst("^std(out|err):\\s*", ""))
                .filter(l -> !l.isEmpty() && !l.matches("code: -?\\d+")).toList();
        for (String line : lines) {
            if (line.startsWith("error:") && !NOISE.contains(line)) {
                return line.substring("error:".length()).strip();
            }
        }
        return lines.stream().filter(l -> !NOISE.contains(l)).findFirst()
                .orElse("the Pulumi CLI exited without saying why (run with --debug for its whole output)");
    }
}
