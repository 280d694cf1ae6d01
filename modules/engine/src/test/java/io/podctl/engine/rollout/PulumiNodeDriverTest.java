package io.podctl.engine.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.Context;
import io.podctl.engine.Operation;
import io.podctl.engine.PodStack;
import io.podctl.engine.ProgressListener;
import io.podctl.engine.ResourceOp;
import io.podctl.engine.ResourceStep;
import io.podctl.engine.StackChanges;
import io.podctl.engine.StackEngine;
import io.podctl.engine.StackResult;
import io.podctl.infra.MockEngineRun;
import io.podctl.infra.PlannedResource;
import io.podctl.infra.ProgramOptions;
import io.podctl.plan.NodeVersions;
import io.podctl.plan.PodPlan;
import io.podctl.plan.PodPlanner;
import io.podctl.plan.Role;
import io.podctl.rollout.run.AgentMaintenance;
import io.podctl.rollout.run.DriverException;
import io.podctl.spec.SpecFixtures;
import io.podctl.spec.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Pulumi driver against an engine that diffs the real pod program's resource graphs under
 * the SDK mock engine: a changed userData replaces (as replaceOnChanges says), other input
 * changes update. So "only this node changes" is checked on what the program really declares.
 */
class PulumiNodeDriverTest {

    /** The program handed to the engine, still knowing its plan so the fake can run it. */
    record PlanProgram(PodPlan plan) implements Consumer<Context> {
        @Override
        public void accept(Context ctx) {
            throw new UnsupportedOperationException("run through MockEngineRun");
        }
    }

    /** A stack whose deployed state is a plan; up makes the new plan the deployed one. */
    static class GraphDiffEngine implements StackEngine {
        PodPlan deployed;
        final List<String> ups = new ArrayList<>();

        GraphDiffEngine(PodPlan deployed) {
            this.deployed = deployed;
        }

        @Override
        public StackResult preview(PodStack stack, ProgressListener progress) {
            return result(Operation.PREVIEW, stack, diff(deployed, plan(stack)));
        }

        @Override
        public StackResult up(PodStack stack, ProgressListener progress) {
            StackChanges changes = diff(deployed, plan(stack));
            deployed = plan(stack);
            ups.add(stack.pod());
            return result(Operation.UP, stack, changes);
        }

        @Override
        public StackResult destroy(PodStack stack, ProgressListener progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StackResult refresh(PodStack stack, ProgressListener progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> outputs(PodStack stack) {
            return MockEngineRun.run(deployed, ProgramOptions.defaults()).outputs();
        }

        private static PodPlan plan(PodStack stack) {
            return ((PlanProgram) stack.program()).plan();
        }

        private static StackResult result(Operation op, PodStack stack, StackChanges changes) {
            return new StackResult(op, stack.pod(), changes, Map.of(), Duration.ZERO);
        }

        static StackChanges diff(PodPlan before, PodPlan after) {
            Map<String, PlannedResource> old = byName(MockEngineRun.run(before, ProgramOptions.defaults()).resources());
            Map<String, PlannedResource> now = byName(MockEngineRun.run(after, ProgramOptions.defaults()).resources());
            List<ResourceStep> steps = new ArrayList<>();
            Map<ResourceOp, Integer> counts = new EnumMap<>(ResourceOp.class);
            now.forEach((name, r) -> {
                PlannedResource was = old.get(name);
                ResourceOp op;
                if (was == null) {
                    op = ResourceOp.CREATE;
                } else if (Objects.equals(was.inputs(), r.inputs())) {
                    op = ResourceOp.SAME;
                } else {
                    boolean forced = r.options().replaceOnChanges().stream()
                            .anyMatch(k -> !Objects.equals(was.inputs().get(k), r.inputs().get(k)));
                    op = forced ? ResourceOp.REPLACE : ResourceOp.UPDATE;
                }
                steps.add(new ResourceStep("urn:pulumi:test::podctl::" + r.type() + "::" + name, r.type(), op));
                counts.merge(op, 1, Integer::sum);
            });
            return new StackChanges(counts, steps);
        }

        private static Map<String, PlannedResource> byName(List<PlannedResource> resources) {
            Map<String, PlannedResource> map = new LinkedHashMap<>();
            resources.forEach(r -> map.put(r.name(), r));
            return map;
        }
    }

    private final Pod pod = SpecFixtures.examplePod("prd-pod-1");

    private PulumiNodeDriver driver(GraphDiffEngine engine, List<String> stopped) {
        return driver(pod, engine, stopped);
    }

    private static PulumiNodeDriver driver(Pod spec, GraphDiffEngine engine, List<String> stopped) {
        return new PulumiNodeDriver(engine, List.of(spec), PlanProgram::new,
                (p, node, role, onlyRole) -> stopped.add(p + "/" + node + " " + role.wire() + (onlyRole ? " (host)" : " (process)")),
                ProgressListener.NONE);
    }

    /** prd-pod-1 as deployed before a ZooKeeper upgrade: every ZooKeeper node on 3.8.3. */
    private Map<String, NodeVersions> oldZooKeeper() {
        Map<String, NodeVersions> old = new LinkedHashMap<>();
        for (String node : List.of("zk-1", "zk-2", "zk-3")) {
            old.put(node, new NodeVersions("3.8.3", null, null));
        }
        return old;
    }

    @Test
    void upgradingOneNodeReplacesOnlyThatInstance() throws Exception {
        GraphDiffEngine engine = new GraphDiffEngine(PodPlanner.plan(pod, oldZooKeeper()));
        PulumiNodeDriver driver = driver(engine, new ArrayList<>());
        PodPlan desired = PodPlanner.plan(pod);

        assertThat(driver.deployed(desired).get("zk-2").zookeeper()).isEqualTo("3.8.3");
        StackChanges expected = GraphDiffEngine.diff(engine.deployed, PodPlanner.plan(pod, Map.of(
                "zk-1", new NodeVersions("3.8.3", null, null), "zk-3", new NodeVersions("3.8.3", null, null))));
        assertThat(expected.steps()).filteredOn(s -> s.op() == ResourceOp.REPLACE).extracting(ResourceStep::name)
                .containsExactly("prd-pod-1-zk-2");

        driver.upgrade(desired, "zk-2", Role.ZOOKEEPER, "3.8.4");

        assertThat(engine.ups).containsExactly("prd-pod-1");
        Map<String, NodeVersions> after = driver.deployed(desired);
        assertThat(after.get("zk-2").zookeeper()).isEqualTo("3.8.4");
        assertThat(after.get("zk-1").zookeeper()).isEqualTo("3.8.3");
        assertThat(after.get("zk-3").zookeeper()).isEqualTo("3.8.3");
        assertThat(after.get("agent-general-1").mesos()).isEqualTo("1.11.0");
    }

    @Test
    void aPodWithoutAStackIsNotDeployedRatherThanBroken() {
        GraphDiffEngine engine = new GraphDiffEngine(PodPlanner.plan(pod)) {
            @Override
            public Map<String, String> outputs(PodStack stack) {
                throw new io.podctl.engine.StackNotFound(stack.pod());
            }
        };

        assertThatThrownBy(() -> driver(engine, new ArrayList<>()).deployed(PodPlanner.plan(pod)))
                .isInstanceOf(io.podctl.rollout.run.PodNotDeployed.class)
                .hasMessageContaining("pod prd-pod-1 is not deployed");
    }

    @Test
    void aChangeBeyondTheNodeStopsBeforeAnythingIsDeployed() {
        // the stack runs an older Mesos on master-1 than the spec says: re-planning zk-2 must not drag it along
        Map<String, NodeVersions> drifted = oldZooKeeper();
        PodPlan deployed = PodPlanner.plan(pod, drifted);
        GraphDiffEngine engine = new GraphDiffEngine(deployed) {
            @Override
            public Map<String, String> outputs(PodStack stack) {
                // the stack forgot master-1: the driver plans it at the spec version, which differs
                Map<String, String> out = new LinkedHashMap<>(super.outputs(stack));
                out.put(PulumiNodeDriver.NODE_VERSIONS, out.get(PulumiNodeDriver.NODE_VERSIONS).replace("\"master-1\":\"mesos=1.11.0\"",
                        "\"master-1\":\"mesos=1.10.0\""));
                return out;
            }
        };
        PulumiNodeDriver driver = driver(engine, new ArrayList<>());
        assertThatThrownBy(() -> driver.upgrade(PodPlanner.plan(pod), "zk-2", Role.ZOOKEEPER, "3.8.4"))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("would also")
                .hasMessageContaining("prd-pod-1-master-1");
        assertThat(engine.ups).isEmpty();
    }

    @Test
    void theFirstAgentMovesItsPoolAndTheOthersFindItDone() throws Exception {
        PodPlan deployed = PodPlanner.plan(pod, Map.of("agents-general", new NodeVersions(null, "1.10.0", null)));
        GraphDiffEngine engine = new GraphDiffEngine(deployed);
        PulumiNodeDriver driver = driver(engine, new ArrayList<>());
        PodPlan desired = PodPlanner.plan(pod);
        assertThat(driver.deployed(desired).get("agent-general-4").mesos()).isEqualTo("1.10.0");

        driver.upgrade(desired, "agent-general-1", Role.MESOS_AGENT, "1.11.0");
        driver.upgrade(desired, "agent-general-2", Role.MESOS_AGENT, "1.11.0");

        assertThat(engine.ups).hasSize(1);
        assertThat(driver.deployed(desired).get("agent-general-6").mesos()).isEqualTo("1.11.0");
    }

    @Test
    void replacingAnAgentMovesTheTemplateOnceAndTerminatesOnlyThatInstance() throws Exception {
        PodPlan deployed = PodPlanner.plan(pod, Map.of("agents-general", new NodeVersions(null, "1.10.0", null)));
        GraphDiffEngine engine = new GraphDiffEngine(deployed);
        List<NodeVersions> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            instances.add(new NodeVersions(null, "1.10.0", null));
        }
        List<String> terminated = new ArrayList<>();
        PulumiNodeDriver.AgentFleet fleet = new PulumiNodeDriver.AgentFleet() {
            public List<NodeVersions> versions(String p, String poolNode) {
                return poolNode.equals("agents-general") ? List.copyOf(instances) : List.of();
            }

            public void terminate(String p, String poolNode, String ip) {
                terminated.add(poolNode + "@" + ip);
                instances.remove(0);
                instances.add(new NodeVersions(null, "1.11.0", null)); // the group's replacement, from the new template
            }
        };
        PulumiNodeDriver driver = new PulumiNodeDriver(engine, List.of(pod), PlanProgram::new, (p, n, r, o) -> { }, ProgressListener.NONE, fleet);
        PodPlan desired = PodPlanner.plan(pod);

        driver.replaceAgent(desired, "agent-general-1", new AgentMaintenance.Machine("ip-10-0-1-5.ec2.internal", "10.0.1.5"), "1.11.0");
        Map<String, NodeVersions> afterOne = driver.deployed(desired);
        driver.replaceAgent(desired, "agent-general-2", new AgentMaintenance.Machine("ip-10-0-1-6.ec2.internal", "10.0.1.6"), "1.11.0");

        assertThat(engine.ups).hasSize(1); // the template moved once; the second agent found it at the version
        assertThat(terminated).containsExactly("agents-general@10.0.1.5", "agents-general@10.0.1.6");
        assertThat(afterOne.entrySet().stream().filter(e -> e.getKey().startsWith("agent-general-"))
                .filter(e -> e.getValue().mesos().equals("1.11.0")).count()).isEqualTo(1);
        assertThat(driver.deployed(desired).entrySet().stream().filter(e -> e.getKey().startsWith("agent-general-"))
                .filter(e -> e.getValue().mesos().equals("1.10.0")).count()).isEqualTo(4);
    }

    @Test
    void stopGoesToTheInstanceStopper() throws Exception {
        List<String> stopped = new ArrayList<>();
        PulumiNodeDriver driver = driver(new GraphDiffEngine(PodPlanner.plan(pod)), stopped);
        driver.stop(PodPlanner.plan(pod), "marathon-2", Role.MARATHON);
        assertThat(stopped).containsExactly("prd-pod-1/marathon-2 marathon (host)");
    }

    @Test
    void onASharedHostOnlyTheProcessMayStop() throws Exception {
        Pod shared = SpecFixtures.examplePod("not-prod-pod-1");
        List<String> stopped = new ArrayList<>();
        PulumiNodeDriver driver = driver(shared, new GraphDiffEngine(PodPlanner.plan(shared)), stopped);
        driver.stop(PodPlanner.plan(shared), "control-2", Role.MARATHON);
        assertThat(stopped).containsExactly("not-prod-pod-1/control-2 marathon (process)");
    }

    @Test
    void aSharedHostMovesAllItsRolesInOneReplacement() throws Exception {
        Pod shared = SpecFixtures.examplePod("not-prod-pod-1");
        PodPlan desired = PodPlanner.plan(shared);
        NodeVersions target = desired.host("control-2").versions();
        Map<String, NodeVersions> old = new LinkedHashMap<>();
        for (String node : List.of("control-1", "control-2", "control-3")) {
            old.put(node, new NodeVersions("3.8.3", "1.10.0", "1.10.0"));
        }
        GraphDiffEngine engine = new GraphDiffEngine(PodPlanner.plan(shared, old));
        PulumiNodeDriver driver = driver(shared, engine, new ArrayList<>());

        driver.upgradeHost(desired, "control-2", target);

        assertThat(engine.ups).hasSize(1);
        Map<String, NodeVersions> after = driver.deployed(desired);
        assertThat(after.get("control-2")).isEqualTo(target);
        assertThat(after.get("control-1")).isEqualTo(new NodeVersions("3.8.3", "1.10.0", "1.10.0"));
        assertThat(after.get("control-3")).isEqualTo(new NodeVersions("3.8.3", "1.10.0", "1.10.0"));
    }

    @Test
    void versionTagsParseBack() {
        assertThat(PulumiNodeDriver.parseTag("zookeeper=3.8.4,mesos=1.11.0,marathon=1.11.24"))
                .isEqualTo(new NodeVersions("3.8.4", "1.11.0", "1.11.24"));
        assertThat(PulumiNodeDriver.parseTag("mesos=1.11.0")).isEqualTo(new NodeVersions(null, "1.11.0", null));
    }
}
