package io.podctl.aws.validate;

/**
 * One thing AWS says is wrong with a pod's references.
 *
 * @param subject what kind of reference
 * @param reference the reference as written in the spec (zone name, AMI id, ssm:/..., ...)
 * @param message what is wrong, never a secret's value (it is never read)
 */
public record OnlineFinding(Subject subject, String reference, String message) {

    public enum Subject {
        ZONE,
        IMAGE,
        SECRET
    }
}
