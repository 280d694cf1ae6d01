package io.podctl.engine;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.PluginInfo;
import com.pulumi.automation.PluginKind;
import com.pulumi.automation.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes sure the engine can load the aws provider the pod program registers (com.pulumi:aws
 * 6.83.0) before an operation starts. The inline program declares no packages, so otherwise the
 * CLI would only look for it mid-run, and on a machine without network retry a download five times.
 */
final class AwsPlugin {

    static final String NAME = "aws";
    static final String VERSION = "6.83.0";

    private AwsPlugin() {}

    /**
     * Uses a registered plugin or one on PATH as it is; installs (downloads) only when neither exists.
     *
     * @throws EngineSetupException when it is missing and cannot be installed
     */
    static void ensure(Workspace workspace, Map<String, String> env) throws AutomationException {
        if (registered(workspace.listPlugins()) || onPath(env.getOrDefault("PATH", ""))) {
            return;
        }
        try {
            workspace.installPlugin(NAME, "v" + VERSION);
        } catch (AutomationException e) {
            throw new EngineSetupException(missing(CliFailures.firstCause(String.valueOf(e.getMessage()))));
        }
    }

    static boolean registered(List<PluginInfo> plugins) {
        return plugins.stream().anyMatch(p -> p.kind() == PluginKind.RESOURCE && NAME.equals(p.name())
                && VERSION.equals(p.version() == null ? "" : p.version().replaceFirst("^v", "")));
    }

    /** The CLI also loads a provider binary it finds on PATH (an "ambient" plugin). */
    static boolean onPath(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "pulumi-resource-" + NAME))) {
                return true;
            }
        }
        return false;
    }

    static String missing(String cause) {
        return "the Pulumi aws provider plugin " + VERSION + " is not installed and could not be installed (" + cause
                + "): run `pulumi plugin install resource aws v" + VERSION + "` where the network allows it"
                + " (on machines without network, scripts/install-pulumi builds and registers one)";
    }
}
