package io.podctl.aws.validate;

/** Where a pod's machine image comes from: a fixed AMI id or an SSM parameter holding one. */
public sealed interface ImageSource {

    record Ami(String imageId) implements ImageSource {}

    record SsmParameter(String name) implements ImageSource {}
}
