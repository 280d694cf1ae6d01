package io.podctl.infra;

/** The Pulumi type tokens of podctl's components; they appear in URNs, so they never change. */
final class ComponentTypes {
    static final String NETWORK = "podctl:pod:Network";
    static final String IDENTITY = "podctl:pod:Identity";
    static final String ZOOKEEPER_ENSEMBLE = "podctl:pod:ZooKeeperEnsemble";
    static final String MESOS_MASTERS = "podctl:pod:MesosMasters";
    static final String MARATHON = "podctl:pod:Marathon";
    static final String SHARED_CONTROL_HOSTS = "podctl:pod:SharedControlHosts";
    static final String AGENT_POOLS = "podctl:pod:AgentPools";

    private ComponentTypes() {}
}
