package io.podctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.PodHealth;
import io.podctl.rollout.run.PodTargets;
import io.podctl.spec.SpecFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --probes}: which transport each pod's gates take, and what podctl says about it. */
class ProbeRoutesTest {

    private static final PodPlan POD = PodPlanner.plan(SpecFixtures.pod("pod-p", SpecFixtures.prodPod("pod-p")));

    private final List<String> said = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();
    private final PodTargets direct = named();
    private final PodTargets ssm = named();

    private ProbeRoutes routes(ProbeRoutes.Choice choice, boolean resolves) {
        return new ProbeRoutes(choice, direct, pod -> ssm, host -> {
            resolved.add(host);
            return resolves;
        }, said::add);
    }

    @Test
    void autoDialsDirectlyWhereThePodsNamesResolveAndSaysSoOncePerPod() {
        ProbeRoutes routes = routes(ProbeRoutes.Choice.AUTO, true);

        assertThat(routes.of(POD)).isSameAs(direct);
        assertThat(routes.of(POD)).isSameAs(direct);

        assertThat(resolved).containsExactly("zk-1.pod-p.pod.internal");
        assertThat(said).containsExactly("pod-p: probes direct, by the pod's DNS names (zk-1.pod-p.pod.internal resolves from here)");
    }

    @Test
    void autoGoesThroughRunCommandWhereTheyDoNot() {
        ProbeRoutes routes = routes(ProbeRoutes.Choice.AUTO, false);

        assertThat(routes.of(POD)).isSameAs(ssm);
        assertThat(said).containsExactly(
                "pod-p: probes through SSM Run Command on the pod's hosts (zk-1.pod-p.pod.internal does not resolve from here)");
    }

    @Test
    void anExplicitChoiceIsTakenWithoutLookingUpNames() {
        assertThat(routes(ProbeRoutes.Choice.SSM, true).of(POD)).isSameAs(ssm);
        assertThat(routes(ProbeRoutes.Choice.DIRECT, false).of(POD)).isSameAs(direct);
        assertThat(resolved).isEmpty();
        assertThat(said).containsExactly("pod-p: probes through SSM Run Command on the pod's hosts (--probes ssm)",
                "pod-p: probes direct, by the pod's DNS names (--probes direct)");
    }

    @Test
    void anUnknownTransportIsABadArgument() {
        assertThat(ProbeRoutes.Choice.parse("SSM")).isEqualTo(ProbeRoutes.Choice.SSM);
        assertThatThrownBy(() -> ProbeRoutes.Choice.parse("tunnel")).isInstanceOf(UserError.class)
                .hasMessage("--probes must be direct, ssm or auto, not 'tunnel'")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void aLocalFleetCannotBeProbedThroughRunCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"rollout", "plan", "--pods", "../pods", "--local", "no-such-fleet.json", "--probes", "ssm"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(out + "" + err).isEqualTo(2);
        assertThat(err.toString()).contains("--probes ssm needs deployed pods");
    }

    private static PodTargets named() {
        return new PodTargets() {
            @Override
            public PodHealth health(PodPlan pod) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<AgentMaintenance> maintenance(PodPlan pod) {
                return Optional.empty();
            }
        };
    }
}
