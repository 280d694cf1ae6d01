package io.podctl.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs computed from real git history: the example fleet, then one commit per kind of pull request. */
class PullRequestDiffTest {
    @TempDir
    Path dir;

    @Test
    void versionBumpOnOnePodReplacesItsControlHostsAndNothingElse() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("not-prod-pod-1.yaml", t -> t.replace("  masters:\n", "  versions: {zookeeper: 3.9.5}\n  masters:\n"))
                .commit("zookeeper 3.9.5 on not-prod-pod-1").diffLastCommit();

        assertThat(diff.changed()).extracting(PodChange::pod).containsExactly("not-prod-pod-1");
        assertThat(diff.unchanged()).containsExactly("not-prod-pod-2", "prd-pod-1", "prd-pod-2");
        PodChange pod = diff.changed().get(0);
        assertThat(pod.specChanges()).containsExactly(new ValueChange("spec.versions.zookeeper", "3.8.4", "3.9.5"));
        assertThat(pod.resources()).filteredOn(r -> r.type().equals(PodDelta.INSTANCE))
                .allSatisfy(r -> assertThat(r.replacedBy()).contains("userDataBase64"));
        assertThat(pod.risks()).extracting(Risk::rule).contains("control-host-replaced", "quorum-replaced");
        assertThat(pod.rollout()).anySatisfy(s -> assertThat(s).startsWith("ZooKeeper control-1, control-2, control-3: followers first"));
        Golden.check("version-bump", CommentRenderer.render(diff));
    }

    @Test
    void zoneChangeReplacesEveryControlHostAndItsDataVolume() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("not-prod-pod-2.yaml", t -> t.replace("zones: [us-west-2b]", "zones: [us-west-2c]"))
                .commit("move not-prod-pod-2 to us-west-2c").diffLastCommit();

        PodChange pod = only(diff);
        assertThat(pod.resources()).filteredOn(r -> r.type().equals("aws:ec2/subnet:Subnet") && r.kind() == ResourceChange.Kind.CREATE)
                .isNotEmpty();
        assertThat(pod.resources()).filteredOn(r -> r.type().equals(RiskRules.VOLUME))
                .allSatisfy(r -> assertThat(r.replacedBy()).containsExactly("availabilityZone"));
        assertThat(pod.risks()).extracting(Risk::rule).contains("control-host-replaced", "quorum-replaced", "data-deleted");
        assertThat(pod.risks()).filteredOn(r -> r.rule().equals("control-host-replaced"))
                .singleElement().extracting(Risk::reason).asString().contains("3 control host(s) replaced");
        Golden.check("zone-change", CommentRenderer.render(diff));
    }

    @Test
    void newAgentPoolIsCreatedWithoutTouchingTheControlHosts() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("not-prod-pod-1.yaml", t -> t.replace("      attributes: {workload: general}\n",
                        "      attributes: {workload: general}\n    - name: gpu\n      instanceType: g4dn.xlarge\n      count: 1\n"))
                .commit("gpu pool").diffLastCommit();

        PodChange pod = only(diff);
        assertThat(pod.resources()).allSatisfy(r -> assertThat(r.kind()).isEqualTo(ResourceChange.Kind.CREATE));
        assertThat(pod.resources()).extracting(ResourceChange::type)
                .containsExactlyInAnyOrder("aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group");
        assertThat(pod.specChanges()).extracting(ValueChange::path).contains("spec.agents[gpu].count");
        assertThat(pod.risks()).isEmpty();
        assertThat(pod.rollout()).singleElement().asString().startsWith("New agent pools not-prod-pod-1-agents-gpu");
        Golden.check("new-agent-pool", CommentRenderer.render(diff));
    }

    @Test
    void deletedPodDeletesItsVpcAndDataVolumes() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir).delete("prd-pod-2.yaml").commit("retire prd-pod-2").diffLastCommit();

        PodChange pod = only(diff);
        assertThat(pod.status()).isEqualTo(PodChange.Status.REMOVED);
        assertThat(pod.resources()).allSatisfy(r -> assertThat(r.kind()).isEqualTo(ResourceChange.Kind.DELETE));
        assertThat(pod.risks()).filteredOn(r -> r.rule().equals("data-deleted")).extracting(Risk::reason)
                .anySatisfy(r -> assertThat(r).startsWith("VPC prd-pod-2-vpc deleted"))
                .anySatisfy(r -> assertThat(r).startsWith("data volume prd-pod-2-zk-1-data deleted").contains("kept in AWS"));
        Golden.check("pod-deleted", CommentRenderer.render(diff));
    }

    @Test
    void prodOnlyChangeIsFlagged() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("prd-pod-1.yaml", t -> t.replace("      instanceType: r5.2xlarge", "      instanceType: r5.4xlarge"))
                .commit("bigger memory agents on prd-pod-1").diffLastCommit();

        PodChange pod = only(diff);
        assertThat(pod.risks()).extracting(Risk::rule).containsExactly("prod-first");
        assertThat(pod.risks().get(0).reason()).contains("spec.agents[memory].instanceType -> r5.4xlarge");
        Golden.check("prod-only", CommentRenderer.render(diff));
    }

    @Test
    void prodChangeThatNotProdAlreadyCarriesIsNotFlagged() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("artifacts.yaml", t -> mirrored(t, "mesos", "1.11.1"))
                .edit("not-prod-pod-1.yaml", t -> t.replace("  masters:\n", "  versions: {mesos: 1.11.1}\n  masters:\n"))
                .edit("prd-pod-1.yaml", t -> t.replace("  agents:\n", "  versions: {mesos: 1.11.1}\n  agents:\n"))
                .commit("mesos 1.11.1 on a not-prod and a prod pod").diffLastCommit();

        assertThat(diff.risks()).extracting(Risk::rule).doesNotContain("prod-first");
    }

    @Test
    void widenedAdminCidrIsFlagged() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("prd-pod-1.yaml", t -> t.replace("adminCidrs: [10.0.0.0/8]", "adminCidrs: [10.0.0.0/8, 192.168.0.0/16]"))
                .commit("office network may reach prd-pod-1").diffLastCommit();

        PodChange pod = only(diff);
        assertThat(pod.resources()).filteredOn(r -> r.type().equals(RiskRules.INGRESS)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.kind()).isEqualTo(ResourceChange.Kind.CREATE));
        assertThat(pod.risks()).filteredOn(r -> r.rule().equals("exposure-widened"))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.severity()).isEqualTo(Severity.HIGH);
                    assertThat(r.reason()).startsWith("new CIDR 192.168.0.0/16 on admin port");
                });
        Golden.check("admin-cidr-widened", CommentRenderer.render(diff));
    }

    @Test
    void aPodMovedToAnotherZoneIsFlaggedForTheRangesItsOldSubnetsHold() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("not-prod-pod-1.yaml", t -> t.replace("zones: [us-west-2a]", "zones: [us-west-2b]"))
                .commit("not-prod-pod-1 to us-west-2b").diffLastCommit();

        assertThat(only(diff).risks()).filteredOn(r -> r.rule().equals("subnet-clash")).extracting(Risk::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("subnet not-prod-pod-1-subnet-us-west-2b would take 10.20.0.0/22,"
                        + " which not-prod-pod-1-subnet-us-west-2a holds"))
                .anySatisfy(reason -> assertThat(reason).startsWith("subnet not-prod-pod-1-subnet-egress would take 10.20.12.0/22"));
    }

    @Test
    void zonesListedInAnotherOrderClashWithNoSubnet() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("prd-pod-1.yaml", t -> t.replace("[us-west-2a, us-west-2b, us-west-2c]", "[us-west-2b, us-west-2c, us-west-2a]"))
                .commit("prd-pod-1 zones reordered").diffLastCommit();

        assertThat(only(diff).risks()).extracting(Risk::rule).doesNotContain("subnet-clash");
    }

    @Test
    void narrowerAdminCidrInsideTheOldOneIsOnlyANotice() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("prd-pod-1.yaml", t -> t.replace("adminCidrs: [10.0.0.0/8]", "adminCidrs: [10.0.0.0/8, 10.5.0.0/16]"))
                .commit("explicit ops subnet").diffLastCommit();

        assertThat(only(diff).risks()).filteredOn(r -> r.rule().equals("exposure-widened"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void secretReferenceChangeShowsTheReferenceAndNoValue() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("not-prod-pod-1.yaml", t -> t.replace("marathon/http-credentials", "marathon/http-credentials-v2"))
                .commit("rotate marathon credentials").diffLastCommit();

        PodChange pod = only(diff);
        assertThat(pod.specChanges()).containsExactly(new ValueChange("spec.secrets.marathonHttpCredentials",
                "ssm:/pods/not-prod-pod-1/marathon/http-credentials", "ssm:/pods/not-prod-pod-1/marathon/http-credentials-v2"));
        String comment = CommentRenderer.render(diff);
        assertThat(comment).contains("`ssm:/pods/not-prod-pod-1/marathon/http-credentials-v2`").doesNotContain(SecretGuard.HIDDEN);
        // the hosts fetch the secret at boot: user data changes, only the reference is in it
        assertThat(pod.resources()).filteredOn(r -> r.type().equals(PodDelta.INSTANCE)).isNotEmpty();
        Golden.check("secret-reference", comment);
    }

    @Test
    void marathonMinorVersionSkipIsFlagged() throws Exception {
        FleetDiff diff = GitFleet.withExampleFleet(dir)
                .edit("artifacts.yaml", t -> mirrored(t, "marathon", "1.9.109"))
                .edit("not-prod-pod-2.yaml", t -> t.replace("  masters:\n", "  versions: {marathon: 1.9.109}\n  masters:\n"))
                .commit("not-prod-pod-2 still on marathon 1.9")
                .edit("not-prod-pod-2.yaml", t -> t.replace("  versions: {marathon: 1.9.109}\n", ""))
                .commit("not-prod-pod-2 to the fleet's marathon").diffLastCommit();

        assertThat(only(diff).risks()).filteredOn(r -> r.rule().equals("version-skip")).singleElement()
                .extracting(Risk::reason).asString().contains("1.9.109 -> 1.11.24 skips 1.10");
    }

    @Test
    void marathonNeedingNewerMesosMastersIsASpecError() throws Exception {
        // validate (rule 13) refuses it now, so the diff reports the head's spec error rather than a risk
        GitFleet repo = GitFleet.withExampleFleet(dir)
                .edit("artifacts.yaml", t -> mirrored(mirrored(mirrored(t, "mesos", "1.4.0"), "marathon", "1.6.352"), "marathon", "1.7.216"))
                .edit("not-prod-pod-2.yaml", t -> t.replace("  masters:\n", "  versions: {mesos: 1.4.0, marathon: 1.6.352}\n  masters:\n"))
                .commit("old stack")
                .edit("not-prod-pod-2.yaml", t -> t.replace("marathon: 1.6.352", "marathon: 1.7.216"))
                .commit("marathon 1.7 first");

        org.assertj.core.api.Assertions.assertThatThrownBy(repo::diffLastCommit).isInstanceOf(SpecErrors.class)
                .satisfies(e -> assertThat(((SpecErrors) e).lines()).anySatisfy(l -> assertThat(l)
                        .matches("HEAD:pods/not-prod-pod-2.yaml:\\d+:\\d+: error: marathon 1.7.216 needs Mesos 1.5.0 or later, not 1.4.0")));
    }

    @Test
    void specErrorsInTheHeadAreReportedWithTheirPosition() throws Exception {
        GitFleet repo = GitFleet.withExampleFleet(dir).edit("prd-pod-1.yaml", t -> t.replace("count: 6", "count: lots")).commit("typo");

        org.assertj.core.api.Assertions.assertThatThrownBy(repo::diffLastCommit).isInstanceOf(SpecErrors.class)
                .satisfies(e -> assertThat(((SpecErrors) e).lines()).anySatisfy(l -> assertThat(l).matches("HEAD:pods/prd-pod-1.yaml:\\d+:\\d+: error: .*")));
    }

    private static PodChange only(FleetDiff diff) {
        List<PodChange> changed = diff.changed();
        assertThat(changed).hasSize(1);
        return changed.get(0);
    }

    /** The example manifest with one more (made-up) entry: every version a pod runs must be mirrored. */
    static String mirrored(String manifest, String component, String version) {
        String entry = "    " + version + ": {url: s3://test-mirror/" + component + "/" + version + ", sha256: " + "e".repeat(64)
                + (component.equals("marathon") ? ", libmesos: 1.11.0" : "") + "}\n";
        return manifest.replace("  " + component + ":\n", "  " + component + ":\n" + entry);
    }
}
