package io.podctl.plan.render;

import io.podctl.plan.RenderedFile;
import java.util.List;

/**
 * A cloud-init document: the files to write, then the install scripts to run and the systemd
 * units to enable, in order.
 *
 * @param node the control node (zk-1, control-2) or the agent pool (agents-general)
 */
public record UserDataModel(
        String pod,
        String node,
        List<String> roles,
        List<RenderedFile> files,
        List<String> installScripts,
        List<String> units) {

    public UserDataModel {
        roles = List.copyOf(roles);
        files = List.copyOf(files);
        installScripts = List.copyOf(installScripts);
        units = List.copyOf(units);
    }
}
