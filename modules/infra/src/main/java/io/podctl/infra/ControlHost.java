package io.podctl.infra;

import com.pulumi.aws.ebs.Volume;
import com.pulumi.aws.ebs.VolumeArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.NetworkInterface;
import com.pulumi.aws.ec2.NetworkInterfaceArgs;
import com.pulumi.aws.ec2.VolumeAttachment;
import com.pulumi.aws.ec2.VolumeAttachmentArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceNetworkInterfaceArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.podctl.plan.Host;
import io.podctl.plan.PodPlan;
import io.podctl.plan.Role;
import io.podctl.plan.UserData;
import java.util.ArrayList;
import java.util.List;

/**
 * One control host. Its identity lives in the network interface (fixed private IP), the data
 * volume and the DNS records; the instance is disposable. The instance is deleted before its
 * replacement is created, so the interface and the volume can move to the new one.
 */
final class ControlHost {
    /** Where the data volume appears; the bootstrap mounts it (as /dev/nvme1n1 on Nitro). */
    /** The root volume of a control host: OS, Java runtimes, Mesos and Marathon packages, logs. */
    static final int ROOT_VOLUME_GIB = 30;

    static final String DATA_DEVICE = "/dev/sdf";
    static final String MEMBERSHIP_GROUP = "pod";

    private final Output<String> privateIp;

    ControlHost(Resource parent, PodPlan plan, Host host, PodNetwork network, PodIdentity identity, ProgramOptions options) {
        String name = host.name();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();

        var eni = NetworkInterfaceArgs.builder()
                .subnetId(network.subnetId(host.zone()))
                .securityGroups(network.securityGroupIds(securityGroupKeys(host)))
                .description("Control host " + name + " (survives instance replacement)")
                .tags(Tags.named(host.tags(), name));
        if (host.privateIp() != null) {
            eni.privateIps(host.privateIp());
        }
        NetworkInterface nic = new NetworkInterface(name + "-eni", eni.build(), child);
        privateIp = host.privateIp() != null ? Output.of(host.privateIp()) : nic.privateIp();

        Volume data = new Volume(name + "-data", VolumeArgs.builder()
                .availabilityZone(host.zone())
                .size(host.dataVolumeGiB())
                .type("gp3")
                .encrypted(true)
                .tags(Tags.named(host.tags(), name + "-data"))
                .build(), CustomResourceOptions.builder().parent(parent).retainOnDelete(options.retainDataVolumes()).build());

        var args = InstanceArgs.builder()
                .ami(plan.imageId())
                .instanceType(host.instanceType())
                .networkInterfaces(InstanceNetworkInterfaceArgs.builder().deviceIndex(0).networkInterfaceId(nic.id()).build())
                .iamInstanceProfile(identity.profileName())
                .userDataBase64(UserData.base64(host.userData())) // gzip: headroom under EC2's 16 KiB
                .userDataReplaceOnChange(true)
                .metadataOptions(InstanceMetadataOptionsArgs.builder()
                        .httpTokens("required")
                        .httpEndpoint("enabled")
                        .httpPutResponseHopLimit(1)
                        .instanceMetadataTags("enabled") // the bootstrap reads podctl:* tags from metadata
                        .build())
                // sized, not left to the image: the OS, the runtimes and logs live here (data does not)
                .rootBlockDevice(InstanceRootBlockDeviceArgs.builder().volumeType("gp3").volumeSize(ROOT_VOLUME_GIB).encrypted(true)
                        .tags(Tags.named(host.tags(), name + "-root")).build())
                .tags(Tags.named(host.tags(), name));
        if (plan.sshKeyName() != null) {
            args.keyName(plan.sshKeyName());
        }
        Instance instance = new Instance(name, args.build(), instanceOptions(parent, plan, network.bootPrerequisites(List.of(host.zone()))));

        new VolumeAttachment(name + "-data-attachment", VolumeAttachmentArgs.builder()
                .deviceName(DATA_DEVICE)
                .instanceId(instance.id())
                .volumeId(data.id())
                .stopInstanceBeforeDetaching(true) // flushes ZooKeeper's log before the volume leaves
                .build(), child);

        for (String dnsName : host.dnsNames()) {
            String label = dnsName.substring(0, dnsName.indexOf('.'));
            new Record(name + "-dns-" + label, RecordArgs.builder()
                    .zoneId(network.zoneId())
                    .name(dnsName)
                    .type("A")
                    .ttl(60)
                    .records(privateIp.applyValue(List::of))
                    .build(), child);
        }
    }

    /** Pitfall: a create-before-delete replacement cannot take over the attached interface and volume. */
    private static CustomResourceOptions instanceOptions(Resource parent, PodPlan plan, List<Resource> bootPrerequisites) {
        var options = CustomResourceOptions.builder().parent(parent)
                .dependsOn(bootPrerequisites) // installs at first boot need the egress route
                .deleteBeforeReplace(true)
                .replaceOnChanges("userDataBase64");
        if (plan.imageId().startsWith("resolve:ssm:")) {
            // EC2 reports the resolved AMI id, which would look like a change on every run
            options.ignoreChanges("ami");
        }
        return options.build();
    }

    /** The pod's membership group plus one group per role the host runs. */
    static List<String> securityGroupKeys(Host host) {
        List<String> keys = new ArrayList<>();
        keys.add(MEMBERSHIP_GROUP);
        Role.CONTROL.stream().filter(host::runs).map(Role::wire).forEach(keys::add);
        return keys;
    }

    Output<String> privateIp() {
        return privateIp;
    }
}
