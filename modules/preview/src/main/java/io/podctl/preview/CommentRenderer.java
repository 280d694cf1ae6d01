package io.podctl.preview;

import io.podctl.plan.render.Templates;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pull-request comment ({@code templates/pr-comment.md.ftl}). GitHub rejects bodies over
 * 65,536 characters, so when the full comment is longer, the details of the least risky pods are
 * cut (as few as possible, found by bisection) and the comment says which; the summary table
 * is never cut.
 */
public final class CommentRenderer {
    /** The first line; the workflow finds the comment to update by it. */
    public static final String MARKER = "<!-- podctl-diff -->";
    public static final int GITHUB_LIMIT = 65_536;
    private static final String TEMPLATE = "pr-comment.md.ftl";

    private CommentRenderer() {}

    public static String render(FleetDiff diff) {
        return render(diff, GITHUB_LIMIT);
    }

    static String render(FleetDiff diff, int limit) {
        List<String> order = CommentModel.detailOrder(diff).stream().map(PodChange::pod).toList();
        Map<String, Map<String, Object>> details = new HashMap<>();
        String full = renderWith(diff, order.size(), order, limit, details);
        if (full.length() <= limit) {
            return full;
        }
        // the longest prefix of the detail order that fits; 0 keeps only the summary
        int fits = 0;
        int low = 0;
        int high = order.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (renderWith(diff, mid, order, limit, details).length() <= limit) {
                fits = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return renderWith(diff, fits, order, limit, details);
    }

    private static String renderWith(FleetDiff diff, int detailed, List<String> order, int limit, Map<String, Map<String, Object>> details) {
        Set<String> shown = new LinkedHashSet<>(order.subList(0, detailed));
        List<String> cut = order.subList(detailed, order.size());
        return process(CommentModel.of(diff, shown, cut, limit, details));
    }

    private static String process(Map<String, Object> model) {
        return Templates.renderPath(TEMPLATE, model);
    }
}
