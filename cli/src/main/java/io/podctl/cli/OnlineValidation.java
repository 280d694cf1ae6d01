package io.podctl.cli;

import io.podctl.aws.AwsContext;
import io.podctl.aws.validate.AwsOnlineValidator;
import io.podctl.aws.validate.ImageSource;
import io.podctl.aws.validate.OnlineCheck;
import io.podctl.aws.validate.OnlineFinding;
import io.podctl.spec.load.LoadedPod;
import io.podctl.spec.load.SpecSet;
import io.podctl.spec.model.PodSpec;
import io.podctl.spec.validate.Finding;
import io.podctl.spec.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code validate --online}: AWS's answers about each pod, as findings at the line they concern. */
final class OnlineValidation {

    private OnlineValidation() {}

    static SpecSet addFindings(SpecSet set, AwsContext aws) {
        AwsOnlineValidator validator = new AwsOnlineValidator(aws);
        List<Finding> findings = new ArrayList<>(set.findings());
        for (LoadedPod pod : set.pods()) {
            if (!pod.complete()) {
                continue;
            }
            PodSpec spec = pod.pod().spec();
            OnlineCheck check = new OnlineCheck(spec.region(), spec.usedZones(), image(spec), List.copyOf(spec.secrets().values()));
            List<OnlineFinding> online = AwsCommands.call(() -> validator.validate(check));
            online.forEach(f -> findings.add(Finding.error(position(pod, f), f.message() + " (online)")));
        }
        return new SpecSet(set.pods(), findings, set.filesRead());
    }

    private static ImageSource image(PodSpec spec) {
        return spec.image().ami() != null ? new ImageSource.Ami(spec.image().ami()) : new ImageSource.SsmParameter(spec.image().ssmParameter());
    }

    /** The line of the zone, image or secret the finding is about. */
    private static Position position(LoadedPod pod, OnlineFinding f) {
        PodSpec spec = pod.pod().spec();
        String path = switch (f.subject()) {
            case ZONE -> "spec.zones[" + Math.max(0, spec.zones().indexOf(f.reference())) + "]";
            case IMAGE -> "spec.image";
            case SECRET -> spec.secrets().entrySet().stream().filter(e -> e.getValue().equals(f.reference()))
                    .map(Map.Entry::getKey).findFirst().map(k -> "spec.secrets." + k).orElse("spec.secrets");
        };
        return pod.where().at(path);
    }
}
