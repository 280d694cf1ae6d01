package io.podctl.aws.validate;

import io.podctl.aws.AwsContext;
import io.podctl.aws.AwsErrors;
import io.podctl.aws.validate.OnlineFinding.Subject;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneOptInStatus;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asks EC2, SSM and Secrets Manager whether a pod's zones, image and secret references exist.
 *
 * <p>Secret references are checked with metadata calls only (DescribeParameters, DescribeSecret),
 * so the values are never transferred. The image parameter is the one exception: it holds an AMI
 * id, not a secret, and is read with GetParameter because public parameters such as {@code
 * /aws/service/...} are invisible to DescribeParameters and because the AMI it names must exist
 * too.
 */
public final class AwsOnlineValidator implements OnlineValidator {

    private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{8,17}");

    /** DescribeParameters accepts at most 50 values in one Name filter. */
    private static final int NAMES_PER_FILTER = 50;

    private final AwsContext context;

    public AwsOnlineValidator(AwsContext context) {
        this.context = context;
    }

    @Override
    public List<OnlineFinding> validate(OnlineCheck check) {
        AwsContext regional = context.withRegion(check.region());
        try (Ec2Client ec2 = regional.ec2();
                SsmClient ssm = regional.ssm();
                SecretsManagerClient secrets = regional.secretsManager()) {
            List<OnlineFinding> findings = new ArrayList<>();
            findings.addAll(checkZones(ec2, check));
            findings.addAll(checkImage(ec2, ssm, check.image()));
            findings.addAll(checkSecrets(ssm, secrets, check));
            return List.copyOf(findings);
        }
    }

    private List<OnlineFinding> checkZones(Ec2Client ec2, OnlineCheck check) {
        List<AvailabilityZone> known;
        try {
            // all zones, so that an existing zone the account has not opted into is told apart
            known =
                    ec2.describeAvailabilityZones(r -> r.allAvailabilityZones(true))
                            .availabilityZones();
        } catch (SdkException e) {
            throw AwsErrors.failed("DescribeAvailabilityZones in " + check.region(), e);
        }
        List<OnlineFinding> findings = new ArrayList<>();
        for (String zone : check.zones()) {
            Optional<AvailabilityZone> found =
                    known.stream().filter(z -> zone.equals(z.zoneName())).findFirst();
            if (found.isEmpty()) {
                findings.add(
                        new OnlineFinding(
                                Subject.ZONE,
                                zone,
                                "zone " + zone + " does not exist in region " + check.region()));
            } else if (found.get().optInStatus() == AvailabilityZoneOptInStatus.NOT_OPTED_IN) {
                findings.add(
                        new OnlineFinding(
                                Subject.ZONE,
                                zone,
                                "zone " + zone + " exists but this account has not opted in"));
            }
        }
        return findings;
    }

    private List<OnlineFinding> checkImage(Ec2Client ec2, SsmClient ssm, ImageSource image) {
        if (image instanceof ImageSource.SsmParameter parameter) {
            return checkImageParameter(ec2, ssm, parameter.name());
        }
        String imageId = ((ImageSource.Ami) image).imageId();
        return checkAmi(ec2, imageId, imageId);
    }

    private List<OnlineFinding> checkImageParameter(Ec2Client ec2, SsmClient ssm, String name) {
        String imageId;
        try {
            imageId = ssm.getParameter(r -> r.name(name)).parameter().value();
        } catch (ParameterNotFoundException e) {
            return List.of(
                    new OnlineFinding(
                            Subject.IMAGE,
                            name,
                            "image SSM parameter " + name + " does not exist"));
        } catch (SdkException e) {
            throw AwsErrors.failed("GetParameter " + name, e);
        }
        if (!AMI_ID.matcher(imageId).matches()) {
            return List.of(
                    new OnlineFinding(
                            Subject.IMAGE,
                            name,
                            "image SSM parameter "
                                    + name
                                    + " holds '"
                                    + imageId
                                    + "', not an AMI id"));
        }
        return checkAmi(ec2, imageId, name);
    }

    private List<OnlineFinding> checkAmi(Ec2Client ec2, String imageId, String reference) {
        String via = reference.equals(imageId) ? "" : " (from " + reference + ")";
        List<Image> images;
        try {
            images = ec2.describeImages(r -> r.imageIds(imageId)).images();
        } catch (SdkException e) {
            if (AwsErrors.code(e).startsWith("InvalidAMIID.")) {
                images = List.of(); // NotFound, Malformed, Unavailable: all mean "no such image"
            } else {
                throw AwsErrors.failed("DescribeImages " + imageId, e);
            }
        }
        if (images.isEmpty()) {
            return List.of(
                    new OnlineFinding(
                            Subject.IMAGE, reference, "AMI " + imageId + via + " does not exist"));
        }
        ImageState state = images.get(0).state();
        if (state != null && state != ImageState.AVAILABLE && state != ImageState.PENDING) {
            return List.of(
                    new OnlineFinding(
                            Subject.IMAGE,
                            reference,
                            "AMI " + imageId + via + " is " + state.toString()));
        }
        return List.of();
    }

    private List<OnlineFinding> checkSecrets(
            SsmClient ssm, SecretsManagerClient secrets, OnlineCheck check) {
        List<OnlineFinding> findings = new ArrayList<>();
        List<SecretReference.SsmParameter> parameters = new ArrayList<>();
        for (String written : check.secretReferences()) {
            Optional<SecretReference> parsed = SecretReference.parse(written);
            if (parsed.isEmpty()) {
                // the text may be a pasted secret: never echo it
                findings.add(
                        new OnlineFinding(
                                Subject.SECRET,
                                "(not a reference)",
                                "a secrets value is neither ssm:/path nor secretsmanager:arn:...; not checked"));
                continue;
            }
            if (parsed.get() instanceof SecretReference.SsmParameter parameter) {
                parameters.add(parameter);
            } else if (parsed.get() instanceof SecretReference.SecretsManagerSecret secret) {
                checkSecret(secrets, secret, check.region()).ifPresent(findings::add);
            }
        }
        Set<String> existing = existingParameters(ssm, parameters);
        for (SecretReference.SsmParameter parameter : parameters) {
            if (!existing.contains(parameter.name())) {
                findings.add(
                        new OnlineFinding(
                                Subject.SECRET,
                                parameter.written(),
                                "SSM parameter "
                                        + parameter.name()
                                        + " does not exist in "
                                        + check.region()));
            }
        }
        return findings;
    }

    /** Names among the references that exist, from metadata only (no values cross the wire). */
    private Set<String> existingParameters(
            SsmClient ssm, List<SecretReference.SsmParameter> parameters) {
        List<String> names =
                parameters.stream().map(SecretReference.SsmParameter::name).distinct().toList();
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < names.size(); from += NAMES_PER_FILTER) {
            List<String> batch =
                    names.subList(from, Math.min(names.size(), from + NAMES_PER_FILTER));
            ParameterStringFilter byName =
                    ParameterStringFilter.builder()
                            .key("Name")
                            .option("Equals")
                            .values(batch)
                            .build();
            try {
                ssm.describeParametersPaginator(r -> r.parameterFilters(byName)).stream()
                        .flatMap(page -> page.parameters().stream())
                        .map(ParameterMetadata::name)
                        .forEach(existing::add);
            } catch (SdkException e) {
                throw AwsErrors.failed("DescribeParameters", e);
            }
        }
        return existing;
    }

    private Optional<OnlineFinding> checkSecret(
            SecretsManagerClient secrets,
            SecretReference.SecretsManagerSecret secret,
            String region) {
        if (!secret.region().equals(region)) {
            return Optional.of(
                    new OnlineFinding(
                            Subject.SECRET,
                            secret.written(),
                            "secret is in region "
                                    + secret.region()
                                    + " but the pod runs in "
                                    + region));
        }
        try {
            DescribeSecretResponse described =
                    secrets.describeSecret(r -> r.secretId(secret.arn()));
            if (described.deletedDate() != null) {
                return Optional.of(
                        new OnlineFinding(
                                Subject.SECRET,
                                secret.written(),
                                "secret is scheduled for deletion"));
            }
            return Optional.empty();
        } catch (ResourceNotFoundException e) {
            return Optional.of(
                    new OnlineFinding(Subject.SECRET, secret.written(), "secret does not exist"));
        } catch (SdkException e) {
            if (AwsErrors.status(e) == 403 || AwsErrors.code(e).contains("AccessDenied")) {
                return Optional.of(
                        new OnlineFinding(
                                Subject.SECRET,
                                secret.written(),
                                "secret cannot be checked: " + AwsErrors.summary(e)));
            }
            throw AwsErrors.failed("DescribeSecret", e);
        }
    }
}
