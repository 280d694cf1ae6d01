package io.podctl.plan.render;

/** One ZooKeeper server as its clients address it; templates join these into zk:// URLs. */
public record ZooKeeperEndpoint(String host, int port) {}
