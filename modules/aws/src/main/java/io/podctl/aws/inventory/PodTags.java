package io.podctl.aws.inventory;

/** The EC2 tags by which podctl finds a pod's hosts; the infra program sets them. */
public final class PodTags {

  public static final String POD = "podctl:pod";
  public static final String ROLE = "podctl:role";
  public static final String NODE = "podctl:node";
  public static final String VERSION = "podctl:version";

  private PodTags() {}
}
