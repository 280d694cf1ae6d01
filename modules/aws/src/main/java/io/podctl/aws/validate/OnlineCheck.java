package io.podctl.aws.validate;

import java.util.List;
import java.util.Objects;

/**
 * What {@code podctl validate --online} asks AWS about one pod.
 *
 * @param secretReferences values of the spec's {@code secrets} map, e.g. {@code ssm:/pods/a/b} or
 *     {@code secretsmanager:arn:aws:secretsmanager:...}
 */
public record OnlineCheck(
        String region, List<String> zones, ImageSource image, List<String> secretReferences) {

    public OnlineCheck {
        Objects.requireNonNull(region, "region");
        zones = List.copyOf(zones);
        Objects.requireNonNull(image, "image");
        secretReferences = List.copyOf(secretReferences);
    }
}
