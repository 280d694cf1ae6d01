package io.podctl.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one engine call with a time limit. A CLI that never reports the end of an operation would
 * otherwise block the Automation API for ever; on timeout the call is interrupted and the pulumi
 * processes it started are ended.
 */
final class TimeLimit {

    private final Duration limit;

    TimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + limit);
        }
        this.limit = limit;
    }

    <T> T run(String what, Callable<T> call) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "podctl-engine");
            t.setDaemon(true); // a stuck call must not keep the JVM alive after we gave up on it
            return t;
        });
        Future<T> future = executor.submit(call);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            PulumiProcesses.endLeftovers();
            throw new EngineTimeout(what + " did not finish within " + describe(limit)
                    + "; it was cancelled and its pulumi processes ended (raise the limit with --timeout)");
        } catch (InterruptedException e) {
            future.cancel(true);
            PulumiProcesses.endLeftovers();
            Thread.currentThread().interrupt();
            throw new EngineFailure(what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new EngineFailure(what + " failed: " + cause.getMessage(), cause);
        } finally {
            executor.shutdownNow();
        }
    }

    private static String describe(Duration d) {
        return d.toSeconds() >= 60 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : ProgressLines.seconds(d);
    }
}
