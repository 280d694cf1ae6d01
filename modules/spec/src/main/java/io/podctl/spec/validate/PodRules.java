package io.podctl.spec.validate;

import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.model.AgentPool;
import io.podctl.spec.model.Network;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Pod;
import io.podctl.spec.model.PodSpec;
import io.podctl.spec.model.RuleException;
import io.podctl.spec.model.Tier;
import io.podctl.spec.model.Window;
import io.podctl.spec.yaml.SourceMap;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The per-pod rules of POD-SPEC.md (rules 2-10 and 12); rule 1 is the binder's, 7 and 11 live apart. */
public final class PodRules {
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9-]{0,20}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern AMI = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern SSM_NAME = Pattern.compile("/[A-Za-z0-9_.\\-/]+");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Map<String, String> MINIMUM_VERSIONS = Map.of("zookeeper", "3.5", "mesos", "1.0", "marathon", "1.4");
    private static final Set<String> EXCEPTION_RULES = Set.of(RuleException.SINGLE_ZONE, RuleException.SHARED_COLOCATION);

    private final List<Finding> findings = new ArrayList<>();
    private final SourceMap where;
    private final Pod pod;
    private final PodSpec spec;

    private PodRules(LoadedPod loaded) {
        this.where = loaded.where();
        this.pod = loaded.pod();
        this.spec = loaded.pod().spec();
    }

    public static List<Finding> check(LoadedPod loaded) {
        PodRules rules = new PodRules(loaded);
        rules.name(loaded.file());
        boolean named = rules.findings.isEmpty(); // a wrong name would also misplace every secret path
        rules.zones();
        rules.prodPlacement();
        rules.adminAccess();
        rules.network();
        rules.image();
        rules.versions();
        rules.hosts();
        rules.agents();
        rules.rollout();
        rules.labels();
        if (named) {
            rules.secretPaths();
        }
        rules.mesosCredentials();
        return rules.findings;
    }

    private void error(String path, String message) {
        findings.add(Finding.error(where.at(path), message));
    }

    private void warning(String path, String message) {
        findings.add(Finding.warning(where.at(path), message));
    }

    // Rule 2
    private void name(String file) {
        String name = pod.metadata().name();
        if (!NAME.matcher(name).matches()) {
            error("metadata.name", "pod name '" + name + "' must match ^[a-z][a-z0-9-]{0,39}$ (lowercase letters, digits, dashes; "
                    + "it becomes the Pulumi stack name and AWS tags)");
            return;
        }
        String stem = java.nio.file.Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!stem.equals(name)) {
            error("metadata.name", "pod name '" + name + "' must equal the file name '" + stem + "' (rename the file or the pod)");
        }
    }

    // Rules 3 and 4
    private void zones() {
        List<String> zones = spec.zones();
        Pattern inRegion = Pattern.compile(Pattern.quote(spec.region()) + "(-[a-z0-9]+)*[a-z]");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            String zone = zones.get(i);
            if (!inRegion.matcher(zone).matches()) {
                error("spec.zones[" + i + "]", "zone '" + zone + "' is not in region '" + spec.region() + "' (expected e.g. " + spec.region() + "a)");
            }
            if (!seen.add(zone)) {
                error("spec.zones[" + i + "]", "zone '" + zone + "' is listed twice; zones must be distinct");
            }
        }
        if (zones.isEmpty()) {
            error("spec.zones", "'spec.zones' must list at least one zone");
        } else if (spec.placement() == Placement.STRIPE && zones.size() != 3) {
            error("spec.zones", "placement 'stripe' needs exactly 3 distinct zones, found " + zones.size());
        } else if (spec.placement() == Placement.SINGLE_ZONE && zones.size() > 1) {
            warning("spec.zones[1]", "placement 'single-zone' uses only " + zones.get(0) + "; the other " + (zones.size() - 1)
                    + " zone(s) are ignored");
        }
    }

    // Rule 5
    private void prodPlacement() {
        for (int i = 0; i < spec.exceptions().size(); i++) {
            RuleException ex = spec.exceptions().get(i);
            String at = "spec.exceptions[" + i + "]";
            if (!EXCEPTION_RULES.contains(ex.rule())) {
                String hint = Suggestions.nearest(ex.rule(), EXCEPTION_RULES).map(s -> "; did you mean '" + s + "'?").orElse("");
                error(at + ".rule", "unknown exception rule '" + ex.rule() + "': use single-zone or shared-colocation" + hint);
            } else if (ex.reason().isBlank()) {
                error(at + ".reason", "exception '" + ex.rule() + "' needs a reason");
            }
        }
        if (spec.tier() != Tier.PROD) {
            return;
        }
        prodDeviation(spec.placement() == Placement.SINGLE_ZONE, RuleException.SINGLE_ZONE, "spec.placement",
                "a prod pod must be striped over three zones; single-zone placement");
        prodDeviation(spec.colocation() == io.podctl.spec.model.Colocation.SHARED, RuleException.SHARED_COLOCATION,
                "spec.colocation", "a prod pod must run ZooKeeper, Mesos masters and Marathon on dedicated hosts; shared colocation");
    }

    private void prodDeviation(boolean deviates, String rule, String path, String what) {
        if (!deviates) {
            return;
        }
        int index = indexOfException(rule);
        if (index < 0) {
            error(path, what + " needs an exception: add {rule: " + rule + ", reason: \"...\"} to spec.exceptions");
        } else {
            warning("spec.exceptions[" + index + "]", what + " is accepted by exception: " + spec.exceptions().get(index).reason());
        }
    }

    private int indexOfException(String rule) {
        for (int i = 0; i < spec.exceptions().size(); i++) {
            if (rule.equals(spec.exceptions().get(i).rule())) {
                return i;
            }
        }
        return -1;
    }

    // Rule 6
    private void adminAccess() {
        List<String> cidrs = spec.access().adminCidrs();
        for (int i = 0; i < cidrs.size(); i++) {
            String cidr = cidrs.get(i).strip();
            String at = "spec.access.adminCidrs[" + i + "]";
            boolean v6 = cidr.contains(":");
            if (!v6 && Ipv4Cidr.parse(cidr).isEmpty()) {
                error(at, "'" + cidr + "' is not an IPv4 or IPv6 CIDR such as 10.0.0.0/8");
                continue;
            }
            if (!v6 && !Ipv4Cidr.parse(cidr).get().toString().equals(cidr)) {
                error(at, "'" + cidr + "' is not written canonically (no leading zeros in octets or prefix): write "
                        + Ipv4Cidr.parse(cidr).get());
                continue;
            }
            if (v6 && !cidr.matches("[0-9a-fA-F:]+/[0-9]{1,3}")) {
                error(at, "'" + cidr + "' is not an IPv6 CIDR such as fd00::/8");
                continue;
            }
            if (cidr.equals("0.0.0.0/0") || cidr.equals("::/0")) {
                String msg = "admin access from anywhere (" + cidr + ") exposes the Mesos and Marathon APIs to the internet";
                if (spec.tier() == Tier.PROD) {
                    error(at, msg + "; not allowed in a prod pod");
                } else {
                    warning(at, msg);
                }
            }
        }
        if (cidrs.isEmpty()) {
            warning("spec.access.adminCidrs", "no admin CIDRs: nobody outside the pod can reach the Mesos and Marathon APIs");
        }
    }

    // Rule 8
    private void network() {
        Network net = spec.network();
        if (net.vpcCidr() != null && net.vpcId() != null) {
            error("spec.network", "network needs either vpcCidr (podctl creates the VPC) or vpcId with subnets, not both");
            return;
        }
        if (net.vpcCidr() == null && net.vpcId() == null) {
            error("spec.network", "network needs vpcCidr (podctl creates the VPC) or vpcId with subnets");
            return;
        }
        if (net.vpcCidr() != null) {
            var cidr = Ipv4Cidr.parse(net.vpcCidr());
            if (cidr.isEmpty()) {
                error("spec.network.vpcCidr", "'" + net.vpcCidr() + "' is not an IPv4 CIDR such as 10.10.0.0/16");
            } else if (!cidr.get().toString().equals(net.vpcCidr().strip())) {
                error("spec.network.vpcCidr", "'" + net.vpcCidr() + "' is not written canonically (no leading zeros in octets"
                        + " or prefix): write " + cidr.get());
            } else if (cidr.get().prefix() < 16 || cidr.get().prefix() > 24) {
                error("spec.network.vpcCidr", "VPC CIDR must be between /16 and /24, not /" + cidr.get().prefix());
            } else if (cidr.get().hostBitsSet()) {
                error("spec.network.vpcCidr", "'" + net.vpcCidr() + "' has host bits set; did you mean "
                        + Ipv4Cidr.dotted(cidr.get().network()) + "/" + cidr.get().prefix() + "?");
            }
            if (!net.subnets().isEmpty()) {
                error("spec.network.subnets", "subnets are only for an existing VPC (vpcId); with vpcCidr podctl creates them");
            }
            return;
        }
        if (!VPC_ID.matcher(net.vpcId()).matches()) {
            error("spec.network.vpcId", "'" + net.vpcId() + "' is not a VPC id such as vpc-0abc1234");
        }
        for (String zone : spec.usedZones()) {
            if (!net.subnets().containsKey(zone)) {
                error("spec.network.subnets", "no subnet for zone " + zone + ": with vpcId, name a subnet for every zone the pod uses");
            }
        }
        for (Map.Entry<String, String> s : net.subnets().entrySet()) {
            String at = "spec.network.subnets." + s.getKey();
            if (!spec.zones().contains(s.getKey())) {
                error(at, "subnet given for zone '" + s.getKey() + "', which is not in spec.zones");
            } else if (!SUBNET_ID.matcher(s.getValue()).matches()) {
                error(at, "'" + s.getValue() + "' is not a subnet id such as subnet-0abc1234");
            }
        }
    }

    private void image() {
        var image = spec.image();
        if ((image.ami() == null) == (image.ssmParameter() == null)) {
            error("spec.image", "image needs exactly one of ami (a pinned AMI id) or ssmParameter");
        } else if (image.ami() != null && !AMI.matcher(image.ami()).matches()) {
            error("spec.image.ami", "'" + image.ami() + "' is not an AMI id such as ami-0123456789abcdef0");
        } else if (image.ssmParameter() != null && !SSM_NAME.matcher(image.ssmParameter()).matches()) {
            error("spec.image.ssmParameter", "SSM parameter names start with / and use letters, digits and _.-/");
        }
    }

    // Rule 9
    private void versions() {
        check("zookeeper", spec.versions().zookeeper());
        check("mesos", spec.versions().mesos());
        check("marathon", spec.versions().marathon());
        String marathon = spec.versions().marathon();
        String mesos = spec.versions().mesos();
        if (VersionNumbers.isDotted(marathon) && VersionNumbers.isDotted(mesos)) {
            MarathonCompatibility.mesosProblem(marathon, mesos).ifPresent(problem -> error("spec.versions.marathon", problem));
        }
    }

    private void check(String component, String version) {
        String at = "spec.versions." + component;
        if (!VersionNumbers.isDotted(version)) {
            error(at, component + " version '" + version + "' must be a dotted numeric version such as 1.11.0");
        } else if (VersionNumbers.hasLeadingZero(version)) {
            error(at, component + " version '" + version + "' has a part with a leading zero; release numbers are written "
                    + VersionNumbers.canonical(version));
        } else if (VersionNumbers.compare(version, MINIMUM_VERSIONS.get(component)) < 0) {
            error(at, component + " " + version + " is older than the supported minimum " + MINIMUM_VERSIONS.get(component));
        }
    }

    private void hosts() {
        if (!INSTANCE_TYPE.matcher(spec.masters().instanceType()).matches()) {
            error("spec.masters.instanceType", "'" + spec.masters().instanceType() + "' is not an EC2 instance type such as m5.large");
        }
        int gib = spec.masters().dataVolumeGiB();
        if (gib < 8 || gib > 16_384) {
            error("spec.masters.dataVolumeGiB", "data volume must be 8 to 16384 GiB, not " + gib);
        }
    }

    // Rule 10
    private void agents() {
        Set<String> names = new HashSet<>();
        if (spec.agents().isEmpty()) {
            error("spec.agents", "a pod needs at least one agent pool");
        }
        for (int i = 0; i < spec.agents().size(); i++) {
            AgentPool pool = spec.agents().get(i);
            String at = "spec.agents[" + i + "]";
            if (!POOL_NAME.matcher(pool.name()).matches()) {
                error(at + ".name", "agent pool name '" + pool.name() + "' must match ^[a-z][a-z0-9-]{0,20}$");
            }
            if (!names.add(pool.name())) {
                error(at + ".name", "agent pool name '" + pool.name() + "' is used twice; pool names must be unique");
            }
            if (pool.count() < 1) {
                error(at + ".count", "agent pool '" + pool.name() + "' needs count >= 1, not " + pool.count());
            }
            if (!INSTANCE_TYPE.matcher(pool.instanceType()).matches()) {
                error(at + ".instanceType", "'" + pool.instanceType() + "' is not an EC2 instance type such as c5.2xlarge");
            }
            for (String reserved : List.of("zone", "pod", "pool")) {
                if (pool.attributes().containsKey(reserved)) {
                    error(at + ".attributes." + reserved, "attribute '" + reserved + "' is set by podctl for every agent; choose another name");
                }
            }
        }
        agentCapacity();
    }

    /**
     * With vpcCidr, each zone's subnet is a quarter of the VPC: its addresses, less the 5 AWS
     * reserves and the zone's control hosts, bound the agents that zone can hold. Agents are
     * spread round-robin over the zones, as the planner places them. (An existing VPC's subnet
     * sizes are only known online.)
     */
    private void agentCapacity() {
        Network net = spec.network();
        if (!net.createsVpc() || spec.zones().isEmpty()) {
            return;
        }
        Optional<Ipv4Cidr> vpc = Ipv4Cidr.parse(net.vpcCidr());
        if (vpc.isEmpty() || vpc.get().prefix() < 16 || vpc.get().prefix() > 24) {
            return;
        }
        int zones = spec.placement() == Placement.SINGLE_ZONE ? 1 : spec.zones().size();
        long agentsInFirstZone = 0; // round-robin from the first zone: it holds the most
        for (AgentPool pool : spec.agents()) {
            if (pool.count() > 0) {
                agentsInFirstZone += (pool.count() + (long) zones - 1) / zones;
            }
        }
        long controlHosts = spec.colocation() == io.podctl.spec.model.Colocation.SHARED ? 3 : 9;
        long controlInFirstZone = (controlHosts + zones - 1) / zones;
        Ipv4Cidr subnet = vpc.get().subnet(vpc.get().prefix() + 2, 0);
        long free = subnet.size() - 5 - controlInFirstZone;
        if (agentsInFirstZone > free) {
            error("spec.agents", "the agent pools need " + agentsInFirstZone + " addresses in zone " + spec.zones().get(0)
                    + ", but its subnet " + subnet + " (a quarter of vpcCidr " + vpc.get() + ") has " + free + " left ("
                    + subnet.size() + " less 5 AWS reserves and " + controlInFirstZone + " control hosts): lower the counts or widen vpcCidr");
        }
    }

    // Rule 12
    private void rollout() {
        var rollout = spec.rollout();
        if (rollout.wave() < 0) {
            error("spec.rollout.wave", "wave must be 0 or more, not " + rollout.wave());
        }
        if (Durations.parse(rollout.soak()).isEmpty()) {
            error("spec.rollout.soak", "soak '" + rollout.soak() + "' must be a duration such as 30m, 6h or 2d");
        }
        Window window = rollout.window();
        for (int i = 0; i < window.days().size(); i++) {
            String day = window.days().get(i);
            if (!Window.DAY_NAMES.contains(day)) {
                String hint = Suggestions.nearest(day, Window.DAY_NAMES).map(s -> "; did you mean '" + s + "'?").orElse("");
                error("spec.rollout.window.days[" + i + "]", "'" + day + "' is not a day: use Mon, Tue, Wed, Thu, Fri, Sat, Sun" + hint);
            }
        }
        if (window.days().isEmpty()) {
            error("spec.rollout.window.days", "a window needs at least one day");
        }
        boolean startOk = time("start", window.start());
        boolean endOk = time("end", window.end());
        if (startOk && endOk && window.start().equals(window.end())) {
            error("spec.rollout.window.end", "window start and end are equal: the window would never open");
        }
        try {
            ZoneId.of(window.timeZone());
        } catch (DateTimeException e) {
            error("spec.rollout.window.timeZone", "'" + window.timeZone() + "' is not an IANA time zone such as UTC or Europe/Berlin");
        }
    }

    private boolean time(String field, String value) {
        if (!HH_MM.matcher(value).matches()) {
            error("spec.rollout.window." + field, "window " + field + " '" + value + "' must be a time HH:MM such as 02:00 (quote it in YAML)");
            return false;
        }
        return true;
    }

    private void labels() {
        for (Map.Entry<String, String> label : pod.metadata().labels().entrySet()) {
            String at = "metadata.labels." + label.getKey();
            if (label.getKey().length() > 128 || label.getKey().startsWith("aws:") || label.getKey().startsWith("podctl:")) {
                error(at, "label key '" + label.getKey() + "' cannot be an AWS tag key (at most 128 characters, no aws: or podctl: prefix)");
            }
            if (label.getValue().length() > 256) {
                error(at, "label '" + label.getKey() + "' is longer than the 256 characters an AWS tag value allows");
            }
        }
    }

    /**
     * Rule 7, the part that needs the pod's name: an SSM reference must lie under
     * /pods/<pod>/, the only path the pod's instance role may read (and where 'podctl secrets
     * put' stores). The reference is named by its key, not repeated.
     */
    private void secretPaths() {
        String prefix = "ssm:/pods/" + pod.metadata().name() + "/";
        for (Map.Entry<String, String> secret : spec.secrets().entrySet()) {
            String value = secret.getValue() == null ? "" : secret.getValue();
            if (!value.startsWith("ssm:")) {
                continue;
            }
            boolean escapes = List.of(value.split("/")).stream().anyMatch(part -> part.equals("..") || part.equals("."));
            if (!value.startsWith(prefix) || value.length() == prefix.length() || escapes) {
                error("spec.secrets." + secret.getKey(), "secret '" + secret.getKey() + "' must be an SSM parameter under "
                        + prefix + " (the only path this pod's hosts may read; 'podctl secrets put' stores there)");
            }
        }
    }

    /**
     * Mesos authentication is all or nothing: masters that require it refuse an agent or Marathon
     * without a credential, and podctl's maintenance calls (read-write endpoints, the operator API)
     * without the operator's.
     */
    static final List<String> MESOS_AUTHENTICATION = List.of("mesosCredentials", "mesosAgentCredential", "marathonMesosSecret",
            "mesosOperatorCredential");

    private void mesosCredentials() {
        List<String> named = MESOS_AUTHENTICATION.stream().filter(spec.secrets()::containsKey).toList();
        if (!named.isEmpty() && named.size() < MESOS_AUTHENTICATION.size()) {
            List<String> missing = MESOS_AUTHENTICATION.stream().filter(k -> !named.contains(k)).toList();
            error("spec.secrets." + named.get(0), "Mesos authentication needs all of " + String.join(", ", MESOS_AUTHENTICATION)
                    + " under spec.secrets; missing " + String.join(", ", missing));
        }
    }
}
