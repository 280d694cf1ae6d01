package io.podctl.infra;

/**
 * Deploy-time choices that are not part of a pod's spec.
 *
 * @param retainDataVolumes keep the control hosts' EBS data volumes in AWS when the stack (or the
 *                          volume) is deleted, so a destroyed pod's ZooKeeper data can be recovered
 */
public record ProgramOptions(boolean retainDataVolumes) {

    public static ProgramOptions defaults() {
        return new ProgramOptions(true);
    }
}
