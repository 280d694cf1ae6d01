package io.podctl.rollout.plan;

import io.podctl.plan.Role;

/**
 * One node of one role whose deployed version differs from the desired one.
 *
 * @param node    the node name in the pod plan: zk-1, control-2, agent-general-3
 * @param current the deployed version, blank when unknown
 */
public record NodeChange(String node, Role role, String current, String target) {
}
