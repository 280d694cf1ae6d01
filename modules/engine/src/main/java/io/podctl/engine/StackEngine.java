package io.podctl.engine;

import java.util.Map;

/**
 * Deploys pods as Pulumi stacks. The rest of podctl talks to this interface only, so neither the
 * commands nor their tests depend on the Pulumi CLI.
 *
 * <p>Every method blocks until the operation ends or its time limit passes, and throws
 * {@link EngineFailure} (or {@link EngineTimeout}) when it did not succeed.
 */
public interface StackEngine {

    /** The engine's own diff of the stack against the program; changes nothing. */
    StackResult preview(PodStack stack, ProgressListener progress);

    /** Creates, updates or replaces resources until the stack matches the program. */
    StackResult up(PodStack stack, ProgressListener progress);

    /** Deletes the stack's resources (retained ones stay in AWS); the program does not run. */
    StackResult destroy(PodStack stack, ProgressListener progress);

    /** Reads the real state of the stack's resources back into the state file. */
    StackResult refresh(PodStack stack, ProgressListener progress);

    /**
     * The outputs of the last up, as strings; secret values masked.
     *
     * @throws StackNotFound when the pod was never deployed (no stack is created by asking)
     */
    Map<String, String> outputs(PodStack stack);
}
