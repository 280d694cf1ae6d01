package io.podctl.rollout.journal;

/** The flags a person sets while a rollout runs; the executor reads them between steps. */
public record Controls(boolean paused, boolean aborted) {

    public static final Controls NONE = new Controls(false, false);
}
