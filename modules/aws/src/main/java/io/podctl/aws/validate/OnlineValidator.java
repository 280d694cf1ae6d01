package io.podctl.aws.validate;

import java.util.List;

/** Checks a pod's references against the live AWS account; an empty list means all exist. */
public interface OnlineValidator {

    List<OnlineFinding> validate(OnlineCheck check);
}
