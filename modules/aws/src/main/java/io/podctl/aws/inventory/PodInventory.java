package io.podctl.aws.inventory;

import java.util.List;

/** The live hosts of a pod, as {@code podctl status POD} shows them. */
public interface PodInventory {

    /** Every instance tagged with the pod, except terminated ones; ordered by node, then id. */
    List<PodInstance> instances(String pod);
}
