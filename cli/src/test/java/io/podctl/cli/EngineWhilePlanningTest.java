package io.podctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podctl.engine.StackEngine;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** preview, up and refresh open the engine while the pod is planned: side by side, errors in their old order. */
class EngineWhilePlanningTest {

    /** The opener's stand-in engine; never called here. */
    private final StackEngine engine = (StackEngine) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {StackEngine.class}, (proxy, method, args) -> {
                throw new AssertionError("not called");
            });

    private static StackCommand command(EngineSessions.Opener opener) {
        return new StackCommand(new EngineSessions(opener, () -> null)) {
            @Override
            public Integer call() {
                return ExitCode.OK;
            }
        };
    }

    @Test
    void thePodIsPlannedWhileTheEngineOpens() {
        CountDownLatch planning = new CountDownLatch(1);
        // the opener can only finish once planning has started: the two must overlap
        StackCommand command = command(options -> {
            try {
                assertThat(planning.await(10, TimeUnit.SECONDS)).as("planning ran while the engine opened").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return engine;
        });

        StackCommand.Prepared<String> prepared = command.engineWhilePlanning(() -> {
            planning.countDown();
            return "plan";
        });

        assertThat(prepared.engine()).isSameAs(engine);
        assertThat(prepared.plan()).isEqualTo("plan");
    }

    @Test
    void anEngineSetUpErrorComesBeforeThePodsOwn() {
        StackCommand command = command(options -> {
            throw new UserError("no 'pulumi' on PATH");
        });
        Supplier<String> oversized = () -> {
            throw new UserError("zk-1: user data 17000 bytes; nothing was provisioned");
        };

        assertThatThrownBy(() -> command.engineWhilePlanning(oversized)).isInstanceOf(UserError.class).hasMessage("no 'pulumi' on PATH");
    }

    @Test
    void aPlanningErrorIsThrownAsItIs() {
        UserError oversized = new UserError("zk-1: user data 17000 bytes; nothing was provisioned");

        assertThatThrownBy(() -> command(options -> engine).engineWhilePlanning(() -> {
            throw oversized;
        })).isSameAs(oversized);
    }
}
