package io.podctl.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The diff as plain text for a terminal and as JSON for scripts (secret guard applied to both). */
public final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    public static String text(FleetDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("podctl diff ").append(diff.base()).append(" -> ").append(diff.head()).append(": ")
                .append(diff.changed().size()).append(" of ").append(diff.pods().size()).append(" pod(s) change, ")
                .append(diff.risks().size()).append(" risk(s)\n");
        for (PodChange p : diff.changed()) {
            out.append('\n').append(p.pod()).append(" (").append(p.tier()).append(", ").append(lower(p.status())).append("): ")
                    .append(p.creates()).append(" to create, ").append(p.updates()).append(" to update, ")
                    .append(p.replaces()).append(" to replace, ").append(p.deletes()).append(" to delete\n");
            p.risks().forEach(r -> out.append("  risk ").append(lower(r.severity())).append(' ').append(r.rule()).append(": ")
                    .append(r.reason()).append('\n'));
            p.specChanges().forEach(c -> out.append("  spec ").append(c.path()).append(": ").append(SecretGuard.before(c))
                    .append(" -> ").append(SecretGuard.after(c)).append('\n'));
            for (ResourceChange r : p.resources()) {
                out.append("  ").append(String.format("%-3s", r.kind().symbol())).append(' ').append(r.shortType()).append(' ')
                        .append(r.name());
                if (!r.replacedBy().isEmpty()) {
                    out.append(" (replaced: ").append(String.join(", ", r.replacedBy())).append(')');
                }
                out.append('\n');
                r.inputs().forEach(c -> out.append("      ").append(c.path()).append(": ").append(SecretGuard.before(c))
                        .append(" -> ").append(SecretGuard.after(c)).append('\n'));
            }
            for (int i = 0; i < p.rollout().size(); i++) {
                out.append("  step ").append(i + 1).append(": ").append(p.rollout().get(i)).append('\n');
            }
        }
        if (!diff.unchanged().isEmpty()) {
            out.append("\nunchanged: ").append(String.join(", ", diff.unchanged())).append('\n');
        }
        return out.toString();
    }

    public static String json(FleetDiff diff) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("base", diff.base());
        root.put("head", diff.head());
        root.put("pods", diff.pods().stream().map(Reports::pod).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> pod(PodChange p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pod", p.pod());
        m.put("tier", p.tier());
        m.put("status", lower(p.status()));
        m.put("counts", Map.of("create", p.creates(), "update", p.updates(), "replace", p.replaces(), "delete", p.deletes()));
        m.put("risks", p.risks().stream().map(r -> Map.of("severity", lower(r.severity()), "rule", r.rule(), "reason", r.reason()))
                .toList());
        m.put("spec", changes(p.specChanges()));
        m.put("resources", p.resources().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("action", lower(r.kind()));
            rm.put("type", r.type());
            rm.put("name", r.name());
            rm.put("replacedBy", r.replacedBy());
            rm.put("inputs", changes(r.inputs()));
            return rm;
        }).toList());
        m.put("rollout", p.rollout());
        return m;
    }

    private static List<Map<String, String>> changes(List<ValueChange> changes) {
        return changes.stream().map(c -> Map.of("path", c.path(), "old", SecretGuard.before(c), "new", SecretGuard.after(c))).toList();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
