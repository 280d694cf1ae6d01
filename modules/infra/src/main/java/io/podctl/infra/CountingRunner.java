package io.podctl.infra;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The SDK's task runner for in-process runs, without its busy loop.
 *
 * <p>The SDK's own runner finds the end of a program by re-submitting a check of every
 * registered task to the common pool without pausing, and formats the whole task map for a
 * FINEST log line on every pass. On two cores that loop takes CPU from the program it waits
 * for, and with two pool workers both can be taken by it (a mock run hung that way). This one
 * counts tasks instead: the SDK registers every task before the task that creates it completes
 * (a resource inside its parent's {@code apply}, an output at construction), so the count
 * returning to zero after the program's callback has returned means the program is done. The
 * first failed task ends the run with exit code 32, as in the SDK.
 */
final class CountingRunner implements Runner {
    private final EngineLogger engineLogger;
    private final AtomicInteger pending = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean callbackReturned;

    CountingRunner(EngineLogger engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.incrementAndGet();
        task.whenComplete((value, failure) -> {
            if (failure != null) {
                drained.completeExceptionally(failure);
            }
            if (pending.decrementAndGet() == 0 && callbackReturned) {
                drained.complete(null);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(callback);
        registerTask("callback", value);
        return value.thenCompose(v -> {
            callbackReturned = true;
            if (pending.get() == 0) {
                drained.complete(null);
            }
            return drained.thenApply(done -> v);
        }).<Result<T>>handle((v, failure) -> {
            if (failure != null) {
                return new Outcome<>(ProcessExitedAfterLoggingUserActionableMessage, List.of(unwrap(failure)), Optional.<T>empty());
            }
            int code = engineLogger.hasLoggedErrors() ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully;
            return new Outcome<>(code, List.of(), Optional.ofNullable(v));
        });
    }

    private static Exception unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Exception e ? e : new CompletionException(t);
    }

    /** The SDK's result type has a protected constructor. */
    private static final class Outcome<T> extends Result<T> {
        Outcome(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }
}
