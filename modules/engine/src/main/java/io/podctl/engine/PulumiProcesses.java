package io.podctl.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ends pulumi processes this JVM started. The Automation API does not stop its {@code pulumi}
 * child when the calling thread is interrupted, and the child's plugins (pulumi-resource-aws,
 * pulumi-language-java) would keep running, holding the stack lock.
 */
final class PulumiProcesses {

    private PulumiProcesses() {}

    /** Ends every descendant whose executable (or script) is named pulumi*, with its subtree. */
    static int endLeftovers() {
        List<ProcessHandle> pulumis = ProcessHandle.current().descendants().filter(PulumiProcesses::isPulumi).toList();
        for (ProcessHandle p : pulumis) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (ProcessHandle p : pulumis) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        return pulumis.size();
    }

    static boolean isPulumi(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        if (info.command().map(PulumiProcesses::named).orElse(false)) {
            return true;
        }
        // a script runs as its interpreter; its path is the first argument
        return info.arguments().filter(a -> a.length > 0).map(a -> named(a[0])).orElse(false);
    }

    private static boolean named(String path) {
        Path file = Optional.ofNullable(Path.of(path).getFileName()).orElse(Path.of(""));
        return file.toString().startsWith("pulumi");
    }
}
