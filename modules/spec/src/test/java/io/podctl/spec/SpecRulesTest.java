package io.podctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.podctl.spec.load.SpecSet;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.validate.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rule of POD-SPEC.md: a valid pod broken in exactly one place. */
class SpecRulesTest {
    static final String FILE = "pods/prd-pod-1.yaml";

    /** The pod text with one edit; the edit must apply. */
    static String edit(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    static String prod() {
        return SpecFixtures.prodPod("prd-pod-1");
    }

    static SpecSet load(String text) {
        return SpecFixtures.load(Map.of(FILE, text));
    }

    /** Asserts the only finding, at the line and column where {@code token} first appears in the text. */
    static Finding only(SpecSet set, Severity severity, String text, String token, String... words) {
        assertThat(set.findings()).as("findings").hasSize(1);
        Finding f = set.findings().get(0);
        assertThat(f.severity()).isEqualTo(severity);
        assertAt(f, FILE, text, token);
        assertThat(f.message()).contains(words);
        return f;
    }

    static void assertAt(Finding f, String file, String text, String token) {
        int offset = text.indexOf(token);
        assertThat(offset).as("token %s in text", token).isGreaterThanOrEqualTo(0);
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        assertThat(f.position().file()).isEqualTo(file);
        assertThat(f.position().line()).as("line of %s", token).isEqualTo(line);
        assertThat(f.position().column()).as("column of %s", token).isEqualTo(column);
    }

    @Test
    void theValidPodHasNoFindings() {
        assertThat(load(prod()).findings()).isEmpty();
    }

    @Test
    void theExampleFleetValidatesClean() {
        SpecSet set = SpecFixtures.exampleFleet();
        assertThat(set.findings()).isEmpty();
        assertThat(set.podNames()).containsExactly("not-prod-pod-1", "not-prod-pod-2", "prd-pod-1", "prd-pod-2");
    }

    @Nested
    class Rule1Structure {
        @Test
        void unknownFieldSuggestsTheNearestName() {
            String text = edit(prod(), "  placement: stripe", "  placment: stripe");
            only(load(text), Severity.ERROR, text, "placment", "unknown field 'placment' in 'spec'", "did you mean 'placement'?");
        }

        @Test
        void duplicateKeyIsReportedAtTheSecondOccurrence() {
            String text = edit(prod(), "  tier: prod\n", "  tier: prod\n  tier: not-prod\n");
            only(load(text), Severity.ERROR, text, "tier: not-prod", "duplicate key 'tier'", "first at line 6");
        }

        @Test
        void wrongTypeNamesTheFieldAndTheExpectedType() {
            String text = edit(prod(), "count: 6", "count: six");
            only(load(text), Severity.ERROR, text, "six", "'spec.agents[0].count' must be an integer");
        }

        @Test
        void missingRequiredFieldIsReportedAtItsParent() {
            String text = edit(prod(), "  region: us-west-2\n", "");
            only(load(text), Severity.ERROR, text, "tier: prod", "missing required field 'region' in 'spec'");
        }

        @Test
        void badEnumValueListsTheChoices() {
            String text = edit(prod(), "placement: stripe", "placement: stripes");
            only(load(text), Severity.ERROR, text, "stripes", "must be one of stripe, single-zone", "did you mean 'stripe'?");
        }

        @Test
        void malformedYamlIsAFindingWithAPosition() {
            String text = edit(prod(), "zones: [us-west-2a, us-west-2b, us-west-2c]", "zones: [us-west-2a, us-west-2b\n  placement: x");
            SpecSet set = load(text);
            assertThat(set.findings()).hasSize(1);
            Finding f = set.findings().get(0);
            assertThat(f.message()).startsWith("malformed YAML");
            assertThat(f.position().file()).isEqualTo(FILE);
            assertThat(f.position().line()).isBetween(8, 10);
        }
    }

    @Nested
    class Rule2Names {
        @Test
        void nameMustMatchThePattern() {
            String text = edit(prod(), "name: prd-pod-1", "name: Prd_Pod_1");
            only(load(text), Severity.ERROR, text, "Prd_Pod_1", "must match ^[a-z][a-z0-9-]{0,39}$");
        }

        @Test
        void nameMustEqualTheFileName() {
            String text = edit(prod(), "name: prd-pod-1", "name: prd-pod-9");
            only(load(text), Severity.ERROR, text, "prd-pod-9", "must equal the file name 'prd-pod-1'");
        }

        @Test
        void namesAreUniqueAcrossPods() {
            String other = edit(prod(), "10.10.0.0/16", "10.12.0.0/16");
            SpecSet set = SpecFixtures.load(Map.of("pods/prd-pod-1.yaml", prod(), "pods/b/prd-pod-1.yaml", other));
            assertThat(set.findings()).hasSize(1);
            Finding f = set.findings().get(0);
            assertAt(f, "pods/prd-pod-1.yaml", prod(), "prd-pod-1\n");
            assertThat(f.message()).contains("'prd-pod-1' is already used by pods/b/prd-pod-1.yaml");
        }
    }

    @Nested
    class Rule3Zones {
        @Test
        void zoneOutsideTheRegionIsAnError() {
            String text = edit(prod(), "us-west-2b", "us-east-1b");
            only(load(text), Severity.ERROR, text, "us-east-1b", "zone 'us-east-1b' is not in region 'us-west-2'");
        }

        @Test
        void zonesMustBeDistinct() {
            String text = edit(prod(), "us-west-2b, us-west-2c", "us-west-2b, us-west-2b");
            only(load(text), Severity.ERROR, text, "us-west-2b]", "zone 'us-west-2b' is listed twice");
        }
    }

    @Nested
    class Rule4Placement {
        @Test
        void stripeNeedsExactlyThreeZones() {
            String text = edit(prod(), "[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2a, us-west-2b]");
            only(load(text), Severity.ERROR, text, "[us-west-2a", "'stripe' needs exactly 3 distinct zones, found 2");
        }

        @Test
        void singleZoneWithMoreZonesIsAWarning() {
            String text = SpecFixtures.notProdPod("prd-pod-1", "us-west-2a", "10.20.0.0/20")
                    .replace("zones: [us-west-2a]", "zones: [us-west-2a, us-west-2b]");
            only(load(text), Severity.WARNING, text, "us-west-2b", "uses only us-west-2a");
        }
    }

    @Nested
    class Rule5ProdExceptions {
        @Test
        void prodSingleZoneWithoutExceptionIsAnError() {
            String text = edit(edit(prod(), "placement: stripe", "placement: single-zone"), "[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2a]");
            only(load(text), Severity.ERROR, text, "single-zone", "needs an exception", "rule: single-zone");
        }

        @Test
        void prodSharedColocationWithoutExceptionIsAnError() {
            String text = edit(prod(), "colocation: dedicated", "colocation: shared");
            only(load(text), Severity.ERROR, text, "shared", "dedicated hosts", "rule: shared-colocation");
        }

        @Test
        void anAcceptedExceptionIsReportedAsAWarning() {
            String text = edit(prod(), "colocation: dedicated", "colocation: shared")
                    + "  exceptions:\n    - {rule: shared-colocation, reason: \"cost review 2026-Q4\"}\n";
            only(load(text), Severity.WARNING, text, "{rule: shared-colocation", "accepted by exception: cost review 2026-Q4");
        }
    }

    @Nested
    class Rule6AdminAccess {
        @Test
        void openToTheWorldIsAnErrorInProd() {
            String text = edit(prod(), "adminCidrs: [10.0.0.0/8]", "adminCidrs: [10.0.0.0/8, 0.0.0.0/0]");
            only(load(text), Severity.ERROR, text, "0.0.0.0/0", "from anywhere (0.0.0.0/0)", "not allowed in a prod pod");
        }

        @Test
        void openToTheWorldIsAWarningInNotProd() {
            String text = edit(SpecFixtures.notProdPod("prd-pod-1", "us-west-2a", "10.20.0.0/20"), "adminCidrs: [10.0.0.0/8]", "adminCidrs: [\"::/0\"]");
            only(load(text), Severity.WARNING, text, "\"::/0\"", "from anywhere (::/0)");
        }
    }

    @Nested
    class Rule7Secrets {
        static final String VALUE = "hunter2-Sup3rSecret";

        @Test
        void literalSecretIsRejectedWithoutEcho() {
            String text = edit(prod(), "ssm:/pods/prd-pod-1/marathon/http-credentials", VALUE);
            Finding f = only(load(text), Severity.ERROR, text, VALUE, "secret 'marathonHttpCredentials' must be a reference");
            assertThat(f.toString()).doesNotContain(VALUE).doesNotContain("hunter2");
        }

        @Test
        void credentialLookingLabelWithLiteralIsRejectedWithoutEcho() {
            String text = edit(prod(), "name: prd-pod-1\n", "name: prd-pod-1\n  labels: {dbPassword: " + VALUE + "}\n");
            Finding f = only(load(text), Severity.ERROR, text, VALUE, "'metadata.labels.dbPassword' looks like a credential");
            assertThat(f.toString()).doesNotContain(VALUE);
        }

        @Test
        void secretsManagerReferenceIsAccepted() {
            String text = edit(prod(), "ssm:/pods/prd-pod-1/marathon/http-credentials",
                    "secretsmanager:arn:aws:secretsmanager:us-west-2:123456789012:secret:pods/marathon-AbCdEf");
            assertThat(load(text).findings()).isEmpty();
        }
    }

    @Nested
    class Rule8Network {
        @Test
        void vpcCidrMustBeSlash16ToSlash24() {
            String text = edit(prod(), "10.10.0.0/16", "10.0.0.0/12");
            only(load(text), Severity.ERROR, text, "10.0.0.0/12", "between /16 and /24");
        }

        @Test
        void vpcCidrAndVpcIdTogetherIsAnError() {
            String text = edit(prod(), "    vpcCidr: 10.10.0.0/16\n", "    vpcCidr: 10.10.0.0/16\n    vpcId: vpc-0abc1234\n");
            only(load(text), Severity.ERROR, text, "vpcCidr", "not both");
        }

        @Test
        void existingVpcNeedsASubnetPerZone() {
            String text = edit(prod(), "    vpcCidr: 10.10.0.0/16\n",
                    "    vpcId: vpc-0abc1234\n    subnets: {us-west-2a: subnet-0aaa1111, us-west-2b: subnet-0bbb2222}\n");
            only(load(text), Severity.ERROR, text, "{us-west-2a", "no subnet for zone us-west-2c");
        }
    }

    @Nested
    class Rule9Versions {
        @Test
        void versionBelowTheMinimumIsAnError() {
            String text = edit(prod(), "zookeeper: 3.8.4", "zookeeper: 3.4.14");
            only(load(text), Severity.ERROR, text, "3.4.14", "zookeeper 3.4.14 is older than the supported minimum 3.5");
        }

        @Test
        void versionMustBeDottedNumeric() {
            String text = edit(prod(), "marathon: 1.11.24", "marathon: latest");
            only(load(text), Severity.ERROR, text, "latest", "must be a dotted numeric version");
        }

        @Test
        void marathonNeedsAMesosItRunsOn() {
            String text = edit(prod(), "mesos: 1.11.0", "mesos: 1.0.1");
            only(load(text), Severity.ERROR, text, "1.11.24", "marathon 1.11.24 needs Mesos 1.5.0 or later, not 1.0.1");
        }

        @Test
        void olderMarathonRunsOnOlderMesos() {
            String text = edit(edit(prod(), "mesos: 1.11.0", "mesos: 1.1.0"), "marathon: 1.11.24", "marathon: 1.6.352");
            assertThat(load(text).findings()).isEmpty();
            String tooOld = edit(edit(prod(), "mesos: 1.11.0", "mesos: 1.0.1"), "marathon: 1.11.24", "marathon: 1.6.352");
            only(load(tooOld), Severity.ERROR, tooOld, "1.6.352", "needs Mesos 1.1.0 or later");
        }
    }

    @Nested
    class MarathonUpgradePaths {
        @Test
        void aSkippedMinorReleaseIsNamed() {
            assertThat(io.podctl.spec.validate.MarathonCompatibility.skippedMinor("1.9.109", "1.11.24")).hasValueSatisfying(
                    why -> assertThat(why).contains("skips 1.10"));
        }

        @Test
        void nextMinorPatchesAndDowngradesAreNotSkips() {
            assertThat(io.podctl.spec.validate.MarathonCompatibility.skippedMinor("1.10.26", "1.11.24")).isEmpty();
            assertThat(io.podctl.spec.validate.MarathonCompatibility.skippedMinor("1.11.1", "1.11.24")).isEmpty();
            assertThat(io.podctl.spec.validate.MarathonCompatibility.skippedMinor("1.11.24", "1.10.26")).isEmpty();
        }
    }

    @Nested
    class Rule10AgentPools {
        @Test
        void poolNamesAreUnique() {
            String text = edit(prod(), "  access:\n", "    - {name: general, instanceType: c5.large, count: 1}\n  access:\n");
            only(load(text), Severity.ERROR, text, "general, instanceType", "'general' is used twice");
        }

        @Test
        void countMustBeAtLeastOne() {
            String text = edit(prod(), "count: 6", "count: 0");
            only(load(text), Severity.ERROR, text, "0\n      attributes", "needs count >= 1");
        }
    }

    @Nested
    class Rule11Fleet {
        @Test
        void notProdMustRollBeforeProd() {
            String notProd = SpecFixtures.notProdPod("not-prod-pod-1", "us-west-2a", "10.20.0.0/20").replace("wave: 1", "wave: 5");
            SpecSet set = SpecFixtures.load(Map.of(FILE, prod(), "pods/not-prod-pod-1.yaml", notProd));
            assertThat(set.findings()).hasSize(1);
            assertAt(set.findings().get(0), "pods/not-prod-pod-1.yaml", notProd, "5\n    soak");
            assertThat(set.findings().get(0).message()).contains("every not-prod pod must roll before every prod pod");
        }

        @Test
        void prodPodsMustNotAllSitInOneZone() {
            String exceptions = "  exceptions: [{rule: single-zone, reason: \"latency\"}]\n";
            String a = edit(edit(prod(), "placement: stripe", "placement: single-zone"), "[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2a]") + exceptions;
            String b = edit(a.replace("prd-pod-1", "prd-pod-2"), "10.10.0.0/16", "10.11.0.0/16");
            Map<String, String> files = new LinkedHashMap<>();
            files.put("pods/prd-pod-1.yaml", a);
            files.put("pods/prd-pod-2.yaml", b);
            SpecSet set = SpecFixtures.load(files);
            assertThat(set.findings()).filteredOn(Finding::isError).singleElement().satisfies(f -> {
                assertAt(f, "pods/prd-pod-2.yaml", b, "us-west-2a]");
                assertThat(f.message()).contains("all prod pods are single-zone in us-west-2a");
            });
        }

        @Test
        void vpcCidrsMustNotOverlapInARegion() {
            String b = edit(prod().replace("prd-pod-1", "prd-pod-2"), "10.10.0.0/16", "10.10.128.0/20");
            SpecSet set = SpecFixtures.load(Map.of(FILE, prod(), "pods/prd-pod-2.yaml", b));
            assertThat(set.findings()).hasSize(1);
            assertAt(set.findings().get(0), "pods/prd-pod-2.yaml", b, "10.10.128.0/20");
            assertThat(set.findings().get(0).message()).contains("overlaps pod prd-pod-1 (10.10.0.0/16)");
        }
    }

    @Nested
    class Rule12Rollout {
        @Test
        void unknownDaySuggestsTheRightOne() {
            String text = edit(prod(), "days: [Sat, Sun]", "days: [Sat, Sunday]");
            only(load(text), Severity.ERROR, text, "Sunday", "'Sunday' is not a day", "did you mean 'Sun'?");
        }

        @Test
        void startMustBeHhMm() {
            String text = edit(prod(), "start: \"02:00\"", "start: \"2am\"");
            only(load(text), Severity.ERROR, text, "\"2am\"", "must be a time HH:MM");
        }

        @Test
        void timeZoneMustBeIana() {
            String text = edit(prod(), "timeZone: UTC", "timeZone: Mars/Olympus");
            only(load(text), Severity.ERROR, text, "Mars/Olympus", "not an IANA time zone");
        }

        @Test
        void soakMustBeADuration() {
            String text = edit(prod(), "soak: 24h", "soak: 1 week");
            only(load(text), Severity.ERROR, text, "1 week", "must be a duration such as 30m, 6h or 2d");
        }
    }
}
