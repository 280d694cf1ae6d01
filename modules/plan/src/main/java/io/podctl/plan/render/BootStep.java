package io.podctl.plan.render;

/**
 * One boot step: a oneshot systemd unit that runs one of our scripts once per boot, started only
 * after the step before it succeeded. A failing step stops the chain and leaves a marker; it is
 * never restarted in a loop.
 *
 * @param previous the unit this step requires and follows; null for the first step
 */
public record BootStep(int number, String name, String unit, String description, String previous, String command,
        String timeout) {}
