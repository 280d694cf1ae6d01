package io.podctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.plan.AgentGroup;
import io.podctl.plan.Host;
import io.podctl.plan.NetworkPlan;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Colocation;
import io.podctl.spec.model.Placement;
import io.podctl.spec.model.Tier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pod program under the mock engine, read back as plain resources with their options. */
class PodProgramTest {
    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String ENI = "aws:ec2/networkInterface:NetworkInterface";
    private static final String VOLUME = "aws:ebs/volume:Volume";
    private static final String ATTACHMENT = "aws:ec2/volumeAttachment:VolumeAttachment";
    private static final String RECORD = "aws:route53/record:Record";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String ASG = "aws:autoscaling/group:Group";
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.podctl.infra.PodSpecs#topologies")
    void everyTopologyDeclaresItsHostsInTheirZonesUnderTheirComponentsInBothModes(Tier tier, Placement placement, Colocation colocation) {
        PodPlan plan = PodSpecs.plan("pod-x", tier, placement, colocation);
        MockEngineRun.Result run = MockEngineRun.run(plan, ProgramOptions.defaults());
        MockEngineRun.Result preview = MockEngineRun.run(plan, ProgramOptions.defaults(), MockEngineRun.Mode.SDK_PREVIEW);

        // resources created inside apply() would be missing from the preview
        assertThat(names(preview.resources())).isEqualTo(names(run.resources()));

        int hosts = colocation == Colocation.SHARED ? 3 : 9;
        int zones = placement == Placement.STRIPE ? 3 : 1;
        int ingressRules = plan.securityGroups().stream().mapToInt(g -> g.ingress().size()).sum();
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("aws:ec2/vpc:Vpc", 1), Map.entry("aws:ec2/subnet:Subnet", zones + 1),
                Map.entry("aws:ec2/internetGateway:InternetGateway", 1), Map.entry("aws:ec2/eip:Eip", 1),
                Map.entry("aws:ec2/natGateway:NatGateway", 1), Map.entry("aws:ec2/routeTable:RouteTable", 2),
                Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", zones + 1),
                // prod's default: interface endpoints with their own group and its one HTTPS rule
                Map.entry("aws:ec2/securityGroup:SecurityGroup", tier == Tier.PROD ? 6 : 5),
                Map.entry(INGRESS, ingressRules + (tier == Tier.PROD ? 1 : 0)), Map.entry(EGRESS, 5),
                Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", tier == Tier.PROD ? 5 : 1),
                Map.entry("aws:route53/zone:Zone", 1), Map.entry("aws:iam/role:Role", 2), Map.entry("aws:iam/rolePolicy:RolePolicy", 2),
                Map.entry("aws:iam/instanceProfile:InstanceProfile", 2), Map.entry(ENI, hosts), Map.entry(VOLUME, hosts),
                Map.entry(INSTANCE, hosts), Map.entry(ATTACHMENT, hosts), Map.entry(RECORD, 9),
                Map.entry(LAUNCH_TEMPLATE, 1), Map.entry(ASG, 1)));
        assertThat(run.countsByType()).isEqualTo(expected);

        List<String> components = run.resources().stream().filter(PlannedResource::isComponent).map(PlannedResource::type).toList();
        assertThat(components).isEqualTo(colocation == Colocation.SHARED
                ? List.of(ComponentTypes.NETWORK, ComponentTypes.IDENTITY, ComponentTypes.SHARED_CONTROL_HOSTS, ComponentTypes.AGENT_POOLS)
                : List.of(ComponentTypes.NETWORK, ComponentTypes.IDENTITY, ComponentTypes.ZOOKEEPER_ENSEMBLE, ComponentTypes.MESOS_MASTERS,
                        ComponentTypes.MARATHON, ComponentTypes.AGENT_POOLS));
        Set<String> componentNames = run.resources().stream().filter(PlannedResource::isComponent).map(PlannedResource::name)
                .collect(Collectors.toSet());
        assertThat(run.awsResources()).allSatisfy(r -> assertThat(componentNames).contains(r.parent()));

        for (Role role : Role.CONTROL) {
            List<Host> roleHosts = plan.hostsRunning(role);
            Set<Object> volumeZones = roleHosts.stream().map(h -> run.find(h.name() + "-data").orElseThrow().input("availabilityZone"))
                    .collect(Collectors.toSet());
            Set<Object> subnets = roleHosts.stream().map(h -> run.find(h.name() + "-eni").orElseThrow().input("subnetId"))
                    .collect(Collectors.toSet());
            assertThat(volumeZones).as(role + " volume zones").hasSize(zones);
            assertThat(subnets).as(role + " subnets").hasSize(zones)
                    .isEqualTo(roleHosts.stream().map(h -> "pod-x-subnet-" + h.zone()).collect(Collectors.toSet()));
            String groupName = colocation == Colocation.SHARED ? "pod-x-control"
                    : Map.of(Role.ZOOKEEPER, "pod-x-zookeeper", Role.MESOS_MASTER, "pod-x-mesos-masters", Role.MARATHON, "pod-x-marathon").get(role);
            roleHosts.forEach(h -> assertThat(run.find(h.name()).orElseThrow().parent()).isEqualTo(groupName));
        }

        assertThat(run.ofType(INSTANCE)).allSatisfy(i -> {
            assertThat(i.options().deleteBeforeReplace()).as(i.name()).isTrue();
            assertThat(i.options().replaceOnChanges()).containsExactly("userDataBase64");
            assertThat(i.input("userDataReplaceOnChange")).isEqualTo(true);
            assertThat(i.options().retainOnDelete()).isFalse();
        });
        assertThat(run.ofType(VOLUME)).allSatisfy(v -> assertThat(v.options().retainOnDelete()).as(v.name()).isTrue());
        assertThat(run.resources().stream().filter(r -> r.options().retainOnDelete()).map(PlannedResource::type).distinct())
                .containsExactly(VOLUME);
        assertThat(run.resources()).noneMatch(r -> r.options().protect());
    }

    @Test
    void controlHostKeepsItsAddressVolumeAndNamesWhenTheInstanceIsReplaced() throws Exception {
        PodPlan plan = PodSpecs.prodWithUserData();
        MockEngineRun.Result run = MockEngineRun.run(plan, ProgramOptions.defaults());
        Host zk1 = plan.host("zk-1");

        PlannedResource eni = run.find("prd-pod-1-zk-1-eni").orElseThrow();
        assertThat(eni.input("privateIps")).isEqualTo(List.of(zk1.privateIp()));
        assertThat(eni.input("privateIps")).isEqualTo(List.of("10.10.0.10"));
        assertThat(eni.input("securityGroups")).isEqualTo(List.of("prd-pod-1-pod", "prd-pod-1-zookeeper"));

        PlannedResource instance = run.find("prd-pod-1-zk-1").orElseThrow();
        assertThat(instance.input("networkInterfaces")).isEqualTo(List.of(Map.of("deviceIndex", 0L, "networkInterfaceId", "prd-pod-1-zk-1-eni")));
        assertThat(gunzip(instance.input("userDataBase64"))).isEqualTo("#cloud-config\n# host zk-1\n");
        assertThat(instance.input("iamInstanceProfile")).isEqualTo("prd-pod-1-host");
        assertThat(instance.input("ami")).isEqualTo("ami-0123456789abcdef0");
        assertThat(instance.input("instanceType")).isEqualTo("m5.large");
        assertThat(instance.input("keyName")).isEqualTo("platform-ops");
        assertThat(instance.input("metadataOptions")).isEqualTo(Map.of("httpTokens", "required", "httpEndpoint", "enabled",
                "httpPutResponseHopLimit", 1L, "instanceMetadataTags", "enabled"));
        assertThat(instance.options().ignoreChanges()).isEmpty();

        assertThat(run.find("prd-pod-1-zk-1-data").orElseThrow().inputs()).containsEntry("encrypted", true).containsEntry("type", "gp3")
                .containsEntry("size", 50L).containsEntry("availabilityZone", "us-west-2a");
        assertThat(run.find("prd-pod-1-zk-1-data-attachment").orElseThrow().inputs()).containsEntry("instanceId", "prd-pod-1-zk-1")
                .containsEntry("volumeId", "prd-pod-1-zk-1-data").containsEntry("deviceName", "/dev/sdf");

        PlannedResource record = run.find("prd-pod-1-zk-1-dns-zk-1").orElseThrow();
        assertThat(record.inputs()).containsEntry("name", "zk-1.prd-pod-1.pod.internal").containsEntry("type", "A")
                .containsEntry("records", List.of("10.10.0.10")).containsEntry("zoneId", "prd-pod-1-dns");
        assertThat(run.find("prd-pod-1-dns").orElseThrow().input("vpcs")).isEqualTo(List.of(Map.of("vpcId", "prd-pod-1-vpc")));
        assertThat(run.find("prd-pod-1-vpc").orElseThrow().inputs()).containsEntry("enableDnsSupport", true)
                .containsEntry("enableDnsHostnames", true).containsEntry("cidrBlock", "10.10.0.0/16");

        JsonNode ips = JSON.readTree(run.outputs().get("controlHostIps"));
        assertThat(ips.size()).isEqualTo(9);
        assertThat(ips.get("master-2").asText()).isEqualTo(plan.host("master-2").privateIp());
        assertThat(run.outputs()).containsEntry("vpcId", "prd-pod-1-vpc").containsEntry("dnsZoneId", "prd-pod-1-dns")
                .containsEntry("dnsZone", "prd-pod-1.pod.internal").containsEntry("zookeeperConnect", plan.zookeeperConnect())
                .containsEntry("tier", "prod");
        assertThat(JSON.readTree(run.outputs().get("agentGroups")).toString())
                .isEqualTo("[\"prd-pod-1-agents-general\",\"prd-pod-1-agents-memory\"]");
    }

    @Test
    void securityGroupsAcceptOnlyThePlannedPortsFromPodGroupsAndAdminCidrs() {
        MockEngineRun.Result run = MockEngineRun.run(PodPlanner.plan(SpecFixtures.examplePod("prd-pod-1")), ProgramOptions.defaults());
        Set<String> rules = new HashSet<>();
        for (PlannedResource rule : run.ofType(INGRESS)) {
            Object source = rule.input("referencedSecurityGroupId") != null ? rule.input("referencedSecurityGroupId") : rule.input("cidrIpv4");
            rules.add(rule.input("securityGroupId") + " " + rule.input("ipProtocol") + "/" + rule.input("fromPort") + "-" + rule.input("toPort")
                    + " <- " + source);
        }
        assertThat(rules).containsExactlyInAnyOrder(
                "prd-pod-1-pod tcp/22-22 <- 10.0.0.0/8",
                "prd-pod-1-zookeeper tcp/2181-2181 <- prd-pod-1-pod",
                "prd-pod-1-zookeeper tcp/2888-2888 <- prd-pod-1-zookeeper",
                "prd-pod-1-zookeeper tcp/3888-3888 <- prd-pod-1-zookeeper",
                "prd-pod-1-mesos-master tcp/5050-5050 <- prd-pod-1-mesos-agent",
                "prd-pod-1-mesos-master tcp/5050-5050 <- prd-pod-1-mesos-master",
                "prd-pod-1-mesos-master tcp/5050-5050 <- prd-pod-1-marathon",
                "prd-pod-1-mesos-master tcp/5050-5050 <- 10.0.0.0/8",
                "prd-pod-1-marathon tcp/8080-8080 <- prd-pod-1-marathon",
                "prd-pod-1-marathon tcp/8080-8080 <- 10.0.0.0/8",
                "prd-pod-1-mesos-agent tcp/5051-5051 <- prd-pod-1-mesos-master",
                // the masters send offers to Marathon's scheduler driver; tasks' ports open inside the pod only
                "prd-pod-1-marathon tcp/15101-15101 <- prd-pod-1-mesos-master",
                "prd-pod-1-mesos-agent tcp/31000-32000 <- prd-pod-1-pod",
                // AWS API endpoints inside the VPC (prod's default)
                "prd-pod-1-endpoints tcp/443-443 <- 10.10.0.0/16");
        assertThat(run.ofType(EGRESS)).hasSize(5).allSatisfy(e -> assertThat(e.inputs())
                .containsEntry("ipProtocol", "-1").containsEntry("cidrIpv4", "0.0.0.0/0"));
    }

    @Test
    void hostRoleReadsOnlyItsPodsParametersAndNamedSecrets() throws Exception {
        String secretArn = "arn:aws:secretsmanager:us-west-2:123456789012:secret:pods/pod-s/zk-digest-AbCdEf";
        String text = SpecFixtures.prodPod("pod-s").replace("    marathonHttpCredentials:",
                "    zookeeperDigest: secretsmanager:" + secretArn + "\n    marathonHttpCredentials:");
        MockEngineRun.Result run = MockEngineRun.run(PodPlanner.plan(SpecFixtures.pod("pod-s", text)), ProgramOptions.defaults(), MockEngineRun.Mode.SDK_PREVIEW);

        JsonNode policy = JSON.readTree((String) run.find("pod-s-host-read-pod-config").orElseThrow().input("policy"));
        JsonNode statements = policy.get("Statement");
        assertThat(statements.size()).isEqualTo(4);
        assertThat(statements.get(0).get("Action").toString())
                .isEqualTo("[\"ssm:GetParameter\",\"ssm:GetParameters\",\"ssm:GetParametersByPath\"]");
        assertThat(statements.get(0).get("Resource").toString())
                .isEqualTo("[\"arn:aws:ssm:us-west-2:123456789012:parameter/pods/pod-s/*\"]");
        // boot markers only: a host writes nothing but its status
        assertThat(statements.get(1).get("Action").toString()).isEqualTo("[\"ssm:PutParameter\"]");
        assertThat(statements.get(1).get("Resource").toString())
                .isEqualTo("[\"arn:aws:ssm:us-west-2:123456789012:parameter/pods/pod-s/status/*\"]");
        assertThat(statements.get(2).get("Action").toString()).isEqualTo("[\"secretsmanager:GetSecretValue\"]");
        assertThat(statements.get(2).get("Resource").toString()).isEqualTo("[\"" + secretArn + "\"]");
        // the SSM agent's channels are the one statement AWS does not scope to resources; it reads nothing
        assertThat(statements.get(3).get("Sid").asText()).isEqualTo("SsmAgent");
        assertThat(statements.get(3).get("Action").toString()).doesNotContain("GetParameter", "secretsmanager", "PutParameter");
        for (int i = 0; i < 3; i++) {
            statements.get(i).get("Resource").forEach(arn -> assertThat(arn.asText()).isNotEqualTo("*"));
        }
        assertThat(run.mocks().invokes()).containsExactlyInAnyOrder("aws:index/getRegion:getRegion",
                "aws:index/getCallerIdentity:getCallerIdentity");

        JsonNode trust = JSON.readTree((String) run.find("pod-s-host").orElseThrow().input("assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(run.find("pod-s-host-read-pod-config").orElseThrow().input("role")).isEqualTo("pod-s-host");
    }

    @Test
    void everyTaggableResourceCarriesPodTierRoleNodeVersionsAndLabels() throws Exception {
        PodPlan plan = PodSpecs.prodWithUserData();
        MockEngineRun.Result run = MockEngineRun.run(plan, ProgramOptions.defaults());
        Set<String> untaggable = Set.of("aws:iam/rolePolicy:RolePolicy", ATTACHMENT, RECORD, ASG,
                "aws:ec2/routeTableAssociation:RouteTableAssociation");
        assertThat(run.awsResources().stream().filter(r -> !untaggable.contains(r.type())))
                .allSatisfy(r -> assertThat(tags(r.input("tags"))).as(r.name())
                        .containsEntry("podctl:pod", "prd-pod-1").containsEntry("podctl:tier", "prod")
                        .containsEntry("team", "platform").containsEntry("cost-center", "prod-platform").containsKey("Name"));

        assertThat(tags(run.find("prd-pod-1-master-3").orElseThrow().input("tags"))).containsEntry("podctl:role", "mesos-master")
                .containsEntry("podctl:node", "master-3").containsEntry("podctl:versions", "mesos=1.11.0")
                .containsEntry("Name", "prd-pod-1-master-3");
        assertThat(tags(run.find("prd-pod-1-zk-2-data").orElseThrow().input("tags"))).containsEntry("podctl:node", "zk-2")
                .containsEntry("podctl:versions", "zookeeper=3.8.4");

        AgentGroup general = plan.agentGroups().get(0);
        PlannedResource template = run.ofType(LAUNCH_TEMPLATE).stream().filter(r -> r.name().equals(general.name())).findFirst().orElseThrow();
        assertThat(gunzip(template.input("userData")))
                .isEqualTo("#cloud-config\n# pool general\n");
        assertThat(template.inputs()).containsEntry("iamInstanceProfile",
                        Map.of("arn", "arn:aws:iam::123456789012:instance-profile/prd-pod-1-agent"))
                .containsEntry("vpcSecurityGroupIds", List.of("prd-pod-1-pod", "prd-pod-1-mesos-agent"))
                .containsEntry("instanceType", "c5.2xlarge");
        assertThat(((List<?>) template.input("tagSpecifications")).stream().map(s -> ((Map<?, ?>) s).get("resourceType")).toList())
                .isEqualTo(List.of("instance", "volume"));
        assertThat(tags(((Map<?, ?>) ((List<?>) template.input("tagSpecifications")).get(0)).get("tags")))
                .containsEntry("podctl:role", "mesos-agent").containsEntry("podctl:node", "agents-general");

        PlannedResource asg = run.ofType(ASG).stream().filter(r -> r.name().equals(general.name())).findFirst().orElseThrow();
        assertThat(asg.inputs()).containsEntry("desiredCapacity", 6L).containsEntry("minSize", 6L).containsEntry("maxSize", 6L)
                .containsEntry("vpcZoneIdentifiers", List.of("prd-pod-1-subnet-us-west-2a", "prd-pod-1-subnet-us-west-2b", "prd-pod-1-subnet-us-west-2c"))
                .containsEntry("launchTemplate", Map.of("id", general.name(), "version", "1"))
                .doesNotContainKey("instanceRefresh"); // the rollout replaces agents one by one, never the provider

        assertThat((List<?>) asg.input("tags")).hasSize(general.tags().size())
                .allSatisfy(t -> assertThat(((Map<?, ?>) t).get("propagateAtLaunch")).isEqualTo(true))
                .anySatisfy(t -> assertThat(t).isEqualTo(Map.of("key", "podctl:pod", "value", "prd-pod-1", "propagateAtLaunch", true)));
    }

    @Test
    void privateSubnetsReachOutThroughOneNatGatewayAndNothingRoutesIn() {
        PodPlan plan = PodSpecs.plan("pod-n", Tier.PROD, Placement.STRIPE, Colocation.DEDICATED);
        MockEngineRun.Result run = MockEngineRun.run(plan, ProgramOptions.defaults());
        PlannedResource egress = run.find("pod-n-subnet-egress").orElseThrow();
        assertThat(egress.input("cidrBlock")).isEqualTo(plan.network().egressSubnet().cidr());
        assertThat(plan.network().subnets()).extracting(NetworkPlan.Subnet::cidr).doesNotContain(plan.network().egressSubnet().cidr());
        assertThat(run.find("pod-n-nat").orElseThrow().input("subnetId")).isEqualTo("pod-n-subnet-egress");
        assertThat(run.find("pod-n-routes-private").orElseThrow().input("routes").toString())
                .contains("natGatewayId=pod-n-nat").contains("cidrBlock=0.0.0.0/0").doesNotContain("gatewayId=pod-n-igw");
        assertThat(run.find("pod-n-routes-egress").orElseThrow().input("routes").toString()).contains("gatewayId=pod-n-igw");
        for (String zone : plan.zones()) {
            PlannedResource association = run.find("pod-n-routes-private-" + zone).orElseThrow();
            assertThat(association.input("subnetId")).isEqualTo("pod-n-subnet-" + zone);
            assertThat(association.input("routeTableId")).isEqualTo("pod-n-routes-private");
        }
        assertThat(run.ofType("aws:ec2/subnet:Subnet")).allSatisfy(s -> assertThat(s.input("mapPublicIpOnLaunch")).isEqualTo(false));
    }

    @Test
    void existingVpcUsesTheNamedSubnetsAndAwsPicksTheAddresses() {
        String text = SpecFixtures.notProdPod("pod-e", "us-west-2c", "10.30.0.0/20")
                .replace("vpcCidr: 10.30.0.0/20", "vpcId: vpc-0feed123\n    subnets: {us-west-2c: subnet-0c0c0c0c}");
        MockEngineRun.Result run = MockEngineRun.run(PodPlanner.plan(SpecFixtures.pod("pod-e", text)), new ProgramOptions(false), MockEngineRun.Mode.SDK_PREVIEW);
        assertThat(run.ofType("aws:ec2/vpc:Vpc")).isEmpty();
        assertThat(run.ofType("aws:ec2/subnet:Subnet")).isEmpty();
        assertThat(run.ofType("aws:ec2/natGateway:NatGateway")).as("an existing VPC's routing is its owner's").isEmpty();
        assertThat(run.ofType(ENI)).hasSize(3).allSatisfy(e -> {
            assertThat(e.input("subnetId")).isEqualTo("subnet-0c0c0c0c");
            assertThat(e.inputs()).doesNotContainKey("privateIps");
        });
        assertThat(run.ofType("aws:ec2/securityGroup:SecurityGroup")).allSatisfy(g -> assertThat(g.input("vpcId")).isEqualTo("vpc-0feed123"));
        assertThat(run.find("pod-e-control-1-dns-marathon-1").orElseThrow().input("records"))
                .isEqualTo(List.of(RecordingMocks.KNOWN_AFTER_DEPLOY));
        assertThat(run.ofType(VOLUME)).allSatisfy(v -> assertThat(v.options().retainOnDelete()).isFalse());
        assertThat(run.outputs()).containsEntry("vpcId", "vpc-0feed123");
    }

    @Test
    void ingressFromTheWholeInternetIsRefusedBeforeAnythingIsDeclared() {
        String text = SpecFixtures.notProdPod("pod-o", "us-west-2a", "10.31.0.0/20").replace("adminCidrs: [10.0.0.0/8]", "adminCidrs: [0.0.0.0/0]");
        PodPlan plan = PodPlanner.plan(SpecFixtures.pod("pod-o", text));
        assertThatThrownBy(() -> MockEngineRun.run(plan, ProgramOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never opens ingress").hasMessageContaining("0.0.0.0/0");
    }

    private static List<String> names(List<PlannedResource> resources) {
        return resources.stream().map(r -> r.type() + " " + r.name() + " <- " + r.parent()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Object tags) {
        assertThat(tags).isInstanceOf(Map.class);
        return (Map<String, String>) tags;
    }

    /** EC2 receives gzip-compressed cloud-config, base64-encoded; cloud-init inflates it. */
    private static String gunzip(Object base64) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(Base64.getDecoder().decode((String) base64)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
