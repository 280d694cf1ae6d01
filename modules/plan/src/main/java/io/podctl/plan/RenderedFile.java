package io.podctl.plan;

/** A file a host writes at boot (rendered from a template), e.g. /etc/zookeeper/zoo.cfg. */
public record RenderedFile(String path, String mode, String content) {}
