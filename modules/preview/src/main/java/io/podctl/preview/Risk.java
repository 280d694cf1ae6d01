package io.podctl.preview;

/**
 * One dangerous aspect of a change.
 *
 * @param rule   a stable id: control-host-replaced, quorum-replaced, data-deleted, prod-first, version-skip, exposure-widened
 * @param reason one line a reviewer can act on
 */
public record Risk(Severity severity, String rule, String reason) {}
