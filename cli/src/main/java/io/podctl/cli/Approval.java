package io.podctl.cli;

import io.podctl.spec.model.Pod;
import io.podctl.spec.model.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks before a change: y/N for an ordinary pod, the pod's name typed out for a prod pod. Anything
 * else, including no answer at all (stdin closed in CI), refuses with exit 3, since nothing failed.
 */
final class Approval {

    private Approval() {}

    static void require(Pod pod, String action, boolean yes, BufferedReader in, PrintWriter out) {
        if (yes) {
            return;
        }
        String answer;
        if (pod.spec().tier() == Tier.PROD) {
            out.print("Pod " + pod.name() + " is a PROD pod. Type its name to " + action + " it: ");
        } else {
            out.print("Do you want to " + action + " pod " + pod.name() + "? [y/N] ");
        }
        out.flush();
        try {
            answer = in.readLine();
        } catch (IOException e) {
            answer = null;
        }
        out.println();
        boolean approved = answer != null && (pod.spec().tier() == Tier.PROD
                ? answer.strip().equals(pod.name())
                : answer.strip().toLowerCase(Locale.ROOT).matches("y|yes"));
        if (!approved) {
            throw new UserError(action + " of pod " + pod.name() + " not approved; nothing was changed (use --yes in scripts)",
                    ExitCode.WAITING);
        }
    }
}
