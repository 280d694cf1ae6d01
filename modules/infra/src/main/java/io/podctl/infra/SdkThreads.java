package io.podctl.infra;

/**
 * How the Pulumi SDK's asynchronous work is scheduled in a podctl process.
 *
 * <p>The SDK's own deployment runner, which runs programs under the real engine, waits for its
 * tasks by re-submitting itself to the default async executor without pausing. With a common
 * ForkJoinPool of two workers those loops can occupy every worker and the run never finishes
 * (we saw a run hang with {@code parallelism=2}); with parallelism 1 the JDK runs each async task
 * on a thread of its own, which cannot starve. So a process that may run the real engine gets 1.
 *
 * <p>Runs under podctl's own runner ({@link CountingRunner}: the mock-engine runs of
 * {@code plan} and {@code diff}) never loop, and a thread per task costs them half their
 * speed, so those processes get a worker per core (at least two).
 */
public final class SdkThreads {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private SdkThreads() {}

    /** For a process that may run a program under the real engine. Call first in main; -D wins. */
    public static void configure() {
        set(1);
    }

    /** For a process whose Pulumi runs are all in-process mock runs. Call first in main; -D wins. */
    public static void configureForMockRuns() {
        set(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private static void set(int parallelism) {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, String.valueOf(parallelism));
        }
    }
}
