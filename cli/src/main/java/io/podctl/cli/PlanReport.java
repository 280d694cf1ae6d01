package io.podctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.podctl.infra.MockEngineRun;
import io.podctl.infra.PlannedResource;
import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.RenderedFile;
import io.podctl.plan.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code podctl plan}: the plan's hosts and pools, then the resource graph the program
 * declared under the mock engine. The plan holds secret references only, never values.
 */
final class PlanReport {
    /** Per type, the inputs worth a glance; user data shows as a digest (it is long and replaces hosts). */
    private static final Map<String, List<String>> KEY_INPUTS = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("availabilityZone", "cidrBlock")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("name")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    List.of("ipProtocol", "fromPort", "toPort", "referencedSecurityGroupId", "cidrIpv4")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", List.of("ipProtocol", "cidrIpv4")),
            Map.entry("aws:route53/zone:Zone", List.of("name")),
            Map.entry("aws:iam/role:Role", List.of("name")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("role", "policy")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", List.of("name", "role")),
            Map.entry("aws:ec2/networkInterface:NetworkInterface", List.of("subnetId", "privateIps", "securityGroups")),
            Map.entry("aws:ebs/volume:Volume", List.of("availabilityZone", "size", "type", "encrypted")),
            Map.entry("aws:ec2/instance:Instance", List.of("instanceType", "ami", "iamInstanceProfile", "userDataBase64")),
            Map.entry("aws:ec2/volumeAttachment:VolumeAttachment", List.of("deviceName", "volumeId", "instanceId")),
            Map.entry("aws:route53/record:Record", List.of("name", "type", "records")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", List.of("instanceType", "imageId", "userData")),
            Map.entry("aws:autoscaling/group:Group", List.of("desiredCapacity", "vpcZoneIdentifiers")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PodPlan plan;
    private final MockEngineRun.Result run;
    private final boolean showConfig;

    PlanReport(PodPlan plan, MockEngineRun.Result run, boolean showConfig) {
        this.plan = plan;
        this.run = run;
        this.showConfig = showConfig;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Pod ").append(plan.pod()).append(": ").append(plan.tier().wire()).append(", ").append(plan.placement().wire())
                .append(", ").append(plan.colocation().wire()).append(", ").append(plan.region()).append(' ').append(plan.zones()).append('\n');
        out.append("Network: ").append(plan.network().createVpc() ? "new VPC " + plan.network().vpcCidr() : "existing VPC " + plan.network().vpcId())
                .append(", private zone ").append(plan.dnsZone()).append(", image ").append(plan.imageId()).append("\n\n");

        out.append("Control hosts (").append(plan.controlHosts().size()).append(")\n");
        Table hosts = new Table("NAME", "ROLES", "ZONE", "IP", "DNS", "TYPE", "VERSIONS");
        for (Host h : plan.controlHosts()) {
            hosts.row(h.name(), roles(h), h.zone(), h.privateIp() == null ? "(assigned by AWS)" : h.privateIp(),
                    String.join(" ", h.dnsNames()), h.instanceType(), h.versions().tag());
        }
        hosts.appendTo(out);

        out.append("\nAgent pools (").append(plan.agentGroups().size()).append(")\n");
        Table pools = new Table("NAME", "TYPE", "COUNT", "PER ZONE", "VERSIONS");
        for (AgentGroup g : plan.agentGroups()) {
            pools.row(g.name(), g.instanceType(), String.valueOf(g.count()), perZone(g), "mesos=" + g.mesosVersion());
        }
        pools.appendTo(out);

        out.append("\nResources by component\n");
        for (PlannedResource component : run.resources().stream().filter(PlannedResource::isComponent).toList()) {
            List<PlannedResource> children = run.childrenOf(component.name());
            out.append(component.name()).append(" (").append(component.type()).append(", ").append(children.size()).append(")\n");
            Table rows = new Table();
            children.forEach(r -> rows.row("  " + r.type(), r.name(), keyInputs(r) + flags(r.options())));
            rows.appendTo(out);
        }
        List<PlannedResource> orphans = run.awsResources().stream().filter(r -> r.parent() == null).toList();
        if (!orphans.isEmpty()) {
            out.append("(no component)\n");
            Table rows = new Table();
            orphans.forEach(r -> rows.row("  " + r.type(), r.name(), keyInputs(r)));
            rows.appendTo(out);
        }

        out.append("\nResource counts\n");
        Table counts = new Table();
        run.countsByType().forEach((type, n) -> counts.row("  " + type, String.valueOf(n)));
        counts.row("  total", String.valueOf(run.awsResources().size()));
        counts.appendTo(out);

        if (showConfig) {
            out.append("\nRendered configuration\n");
            for (Host h : plan.controlHosts()) {
                appendFiles(out, h.name(), h.files());
            }
            for (AgentGroup g : plan.agentGroups()) {
                appendFiles(out, g.name(), g.files());
            }
        }
        return out.toString();
    }

    String json() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pod", plan.pod());
        doc.put("tier", plan.tier().wire());
        doc.put("placement", plan.placement().wire());
        doc.put("colocation", plan.colocation().wire());
        doc.put("region", plan.region());
        doc.put("zones", plan.zones());
        doc.put("dnsZone", plan.dnsZone());
        doc.put("imageId", plan.imageId());
        doc.put("hosts", plan.controlHosts().stream().map(this::hostJson).toList());
        doc.put("agentPools", plan.agentGroups().stream().map(this::poolJson).toList());
        doc.put("resources", run.resources().stream().map(PlanReport::resourceJson).toList());
        doc.put("counts", run.countsByType());
        doc.put("total", run.awsResources().size());
        doc.put("outputs", run.outputs());
        return JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
    }

    private Map<String, Object> hostJson(Host h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("node", h.node());
        m.put("roles", Role.CONTROL.stream().filter(h::runs).map(Role::wire).toList());
        m.put("zone", h.zone());
        m.put("privateIp", h.privateIp());
        m.put("dnsNames", h.dnsNames());
        m.put("instanceType", h.instanceType());
        m.put("dataVolumeGiB", h.dataVolumeGiB());
        m.put("versions", versions(h));
        if (showConfig) {
            m.put("files", h.files());
        }
        return m;
    }

    private Map<String, Object> poolJson(AgentGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("pool", g.pool());
        m.put("instanceType", g.instanceType());
        m.put("count", g.count());
        m.put("countPerZone", g.countPerZone());
        m.put("attributes", g.attributes());
        m.put("mesosVersion", g.mesosVersion());
        if (showConfig) {
            m.put("files", g.files());
        }
        return m;
    }

    private static Map<String, Object> resourceJson(PlannedResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("name", r.name());
        m.put("parent", r.parent());
        m.put("inputs", r.inputs());
        m.put("options", r.options());
        return m;
    }

    private static Map<String, String> versions(Host h) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Role role : Role.CONTROL) {
            if (h.runs(role)) {
                v.put(role.wire(), h.versions().of(role));
            }
        }
        return v;
    }

    private static String roles(Host h) {
        return Role.CONTROL.stream().filter(h::runs).map(Role::wire).collect(Collectors.joining("+"));
    }

    private static String perZone(AgentGroup g) {
        return g.countPerZone().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String keyInputs(PlannedResource r) {
        List<String> parts = new ArrayList<>();
        for (String key : KEY_INPUTS.getOrDefault(r.type(), List.of())) {
            Object value = r.input(key);
            if (value != null) {
                parts.add(key + "=" + (key.startsWith("userData") ? digest(String.valueOf(value)) : compact(value)));
            }
        }
        return String.join(" ", parts);
    }

    private static String flags(PlannedResource.Options o) {
        List<String> flags = new ArrayList<>();
        if (o.deleteBeforeReplace()) {
            flags.add("delete-before-replace");
        }
        if (!o.replaceOnChanges().isEmpty()) {
            flags.add("replace-on-change:" + String.join(",", o.replaceOnChanges()));
        }
        if (o.retainOnDelete()) {
            flags.add("retain-on-delete");
        }
        if (o.protect()) {
            flags.add("protect");
        }
        if (!o.ignoreChanges().isEmpty()) {
            flags.add("ignore-changes:" + String.join(",", o.ignoreChanges()));
        }
        return flags.isEmpty() ? "" : "  [" + String.join(" ", flags) + "]";
    }

    private static String compact(Object value) {
        if (value instanceof String s) {
            return s.contains(" ") ? JsonText.of(s) : s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    /** Short and stable: enough to see that a host's cloud-init changed (which replaces it). */
    private static String digest(String text) {
        if (text.isEmpty()) {
            return "(empty)";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 6) + "(" + text.length() + " chars)";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendFiles(StringBuilder out, String owner, List<RenderedFile> files) {
        out.append("== ").append(owner).append(files.isEmpty() ? ": no rendered files\n" : "\n");
        for (RenderedFile f : files) {
            out.append("--- ").append(f.path()).append(" (mode ").append(f.mode()).append(")\n").append(f.content());
            if (!f.content().endsWith("\n")) {
                out.append('\n');
            }
        }
    }

    /** JSON string quoting for values with spaces, so a line stays one token per input. */
    private static final class JsonText {
        static String of(String s) {
            try {
                return JSON.writeValueAsString(s);
            } catch (Exception e) {
                return s;
            }
        }
    }

    /** Left-aligned columns, two spaces apart; the header row is optional. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            if (header.length > 0) {
                rows.add(header);
            }
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void appendTo(StringBuilder out) {
            int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
            int[] widths = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    line.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }
}
