package io.podctl.rollout.run;

import java.time.Instant;

/** How a rollout run ended; the CLI maps each to an exit code (0, 1, 3). */
public sealed interface Outcome {

    String describe();

    record Finished(int podsUpgraded) implements Outcome {
        public String describe() {
            return "finished: " + podsUpgraded + " pod(s) upgraded";
        }
    }

    /** A gate or a driver failed: nothing further was touched. */
    record Halted(String reason) implements Outcome {
        public String describe() {
            return "halted: " + reason;
        }
    }

    /** A window, a soak or the lock makes the run wait; nothing failed. */
    record Waiting(String reason, Instant until) implements Outcome {
        public String describe() {
            return reason;
        }
    }

    record Paused() implements Outcome {
        public String describe() {
            return "paused (run 'podctl rollout resume' then 'podctl rollout run' to continue)";
        }
    }

    record Aborted() implements Outcome {
        public String describe() {
            return "aborted: finished steps are kept";
        }
    }
}
