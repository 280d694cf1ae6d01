package io.podctl.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data the comment template reads: plain maps and lists of display strings, so the template
 * only lays out text. Pods whose details are cut keep their summary row.
 */
final class CommentModel {
    /** A resource with dozens of changed tags would bury the rest; the JSON output has them all. */
    static final int INPUTS_PER_RESOURCE = 8;

    private CommentModel() {}

    /** Changed pods in detail order: the riskiest first, so a cut drops the least risky details. */
    static List<PodChange> detailOrder(FleetDiff diff) {
        return diff.changed().stream().sorted(java.util.Comparator
                .comparing((PodChange p) -> p.worstRisk().map(Enum::ordinal).orElse(Severity.values().length))
                .thenComparing(PodChange::pod)).toList();
    }

    /**
     * @param details per-pod details already built; the renderer tries several cuts of one diff, and
     *                a pod's details (digests of every cloud-init document) are the same each time
     */
    static Map<String, Object> of(FleetDiff diff, Set<String> detailed, List<String> cut, int limit, Map<String, Map<String, Object>> details) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("marker", CommentRenderer.MARKER);
        model.put("base", code(diff.base()));
        model.put("head", code(diff.head()));
        model.put("total", diff.pods().size());
        model.put("changedCount", diff.changed().size());
        model.put("riskCount", diff.risks().size());
        model.put("summary", diff.changed().stream().map(CommentModel::row).toList());
        model.put("unchanged", String.join(", ", diff.unchanged()));
        model.put("details", detailOrder(diff).stream().filter(p -> detailed.contains(p.pod()))
                .map(p -> details.computeIfAbsent(p.pod(), pod -> details(p))).toList());
        model.put("cut", String.join(", ", cut));
        model.put("cutCount", cut.size());
        model.put("limit", limit);
        return model;
    }

    private static Map<String, Object> row(PodChange p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pod", p.pod());
        row.put("status", switch (p.status()) {
            case ADDED -> " (new)";
            case REMOVED -> " (removed)";
            default -> "";
        });
        row.put("tier", p.tier());
        row.put("creates", p.creates());
        row.put("updates", p.updates());
        row.put("replaces", p.replaces());
        row.put("deletes", p.deletes());
        row.put("risks", riskBadges(p));
        return row;
    }

    private static String riskBadges(PodChange p) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = p.risks().stream().filter(r -> r.severity() == s).count();
            if (n > 0) {
                parts.add(s.badge() + " " + n + " " + s.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static Map<String, Object> details(PodChange p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("pod", p.pod());
        d.put("headline", p.status() == PodChange.Status.CHANGED ? p.tier() + ", " + p.resources().size() + " resource change(s)"
                : p.tier() + ", " + p.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + p.resources().size() + " resources");
        d.put("risks", p.risks().stream().map(r -> r.severity().badge() + " **" + r.severity() + "** `" + r.rule() + "`: " + text(r.reason()))
                .toList());
        d.put("spec", p.specChanges().stream().map(c -> Map.of("path", code(c.path()), "before", code(SecretGuard.before(c)),
                "after", code(SecretGuard.after(c)))).toList());
        d.put("resources", p.resources().stream().map(CommentModel::resource).toList());
        d.put("rollout", p.rollout().stream().map(CommentModel::text).toList());
        return d;
    }

    private static Map<String, Object> resource(ResourceChange r) {
        Map<String, Object> m = new LinkedHashMap<>();
        String why = switch (r.kind()) {
            case REPLACE -> " replaced: " + String.join(", ", r.replacedBy().stream().map(CommentModel::code).toList()) + " changed"
                    + (r.deleteBeforeReplace() ? " (deleted before its replacement is created)" : "");
            case DELETE -> " deleted" + (r.retainOnDelete() ? " (kept in AWS, leaves the stack)" : "");
            case CREATE -> " created";
            case UPDATE -> " updated in place";
        };
        m.put("line", code(r.kind().symbol()) + " " + r.shortType() + " " + code(r.name()) + why);
        List<String> inputs = new ArrayList<>(r.inputs().stream().limit(INPUTS_PER_RESOURCE)
                .map(c -> code(c.path()) + ": " + code(SecretGuard.before(c)) + " → " + code(SecretGuard.after(c))).toList());
        if (r.inputs().size() > INPUTS_PER_RESOURCE) {
            inputs.add("… and " + (r.inputs().size() - INPUTS_PER_RESOURCE) + " more input change(s)");
        }
        m.put("inputs", inputs);
        return m;
    }

    /** A value as an inline code span; backticks inside would end it early. */
    static String code(String text) {
        return "`" + text.replace('`', '\'').replace("|", "\\|") + "`";
    }

    /** Free text in a table cell or list item: no HTML, no table breaks. */
    static String text(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
    }
}
