package io.podctl.plan.render;

import io.podctl.plan.RenderedFile;
import java.util.List;

/**
 * A cloud-init document: the files to write, then the systemd units to enable and start. The
 * units order themselves (boot steps, then role services), so cloud-init does not wait on them.
 *
 * @param node the control node (zk-1, control-2) or the agent pool (agents-general)
 */
public record UserDataModel(
        String pod,
        String node,
        List<String> roles,
        List<RenderedFile> files,
        List<String> units) {

    public UserDataModel {
        roles = List.copyOf(roles);
        files = List.copyOf(files);
        units = List.copyOf(units);
    }
}
