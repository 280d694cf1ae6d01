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
     * Uses an installed plugin or one on PATH as it is; installs (downloads) only when neither exists.
     * The plugin folder is looked at first: asking the CLI ({@code plugin ls}) costs a process.
     *
     * @param env the engine processes' environment (PATH, PULUMI_HOME)
     * @throws EngineSetupException when it is missing and cannot be installed
     */
    static void ensure(Workspace workspace, Map<String, String> env) throws AutomationException {
        if (installedIn(pluginFolder(env)) || onPath(env.getOrDefault("PATH", "")) || registered(workspace.listPlugins())) {
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

    /** Where the CLI keeps plugins: $PULUMI_HOME/plugins, by default ~/.pulumi/plugins. */
    static Path pluginFolder(Map<String, String> env) {
        String home = env.get("PULUMI_HOME");
        Path pulumiHome = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".pulumi") : Path.of(home);
        return pulumiHome.resolve("plugins");
    }

    /**
     * The CLI's layout: {@code resource-aws-v6.83.0/pulumi-resource-aws}, with a
     * {@code resource-aws-v6.83.0.partial} file beside it while an install is unfinished.
     */
    static boolean installedIn(Path plugins) {
        String folder = "resource-" + NAME + "-v" + VERSION;
        return Files.isExecutable(plugins.resolve(folder).resolve("pulumi-resource-" + NAME))
                && !Files.exists(plugins.resolve(folder + ".partial"));
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
