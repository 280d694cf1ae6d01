package io.podctl.infra;

/**
 * How the Pulumi SDK's asynchronous work is scheduled in a podctl process.
 *
 * <p>The SDK's deployment runner waits for its tasks by re-submitting itself to the default
 * async executor without pausing. With a common ForkJoinPool of two workers (a 3-core machine,
 * or two mock runs at once) those loops can occupy every worker and the run never finishes: we
 * saw a mock run hang with {@code parallelism=2}. With parallelism 1 the JDK runs each async
 * task on a thread of its own, which cannot starve; that is how 2-core machines already behave,
 * and what every test of this project runs with.
 */
public final class SdkThreads {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private SdkThreads() {}

    /** Call first in main, before anything touches the common pool; an explicit -D setting wins. */
    public static void configure() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, "1");
        }
    }
}
