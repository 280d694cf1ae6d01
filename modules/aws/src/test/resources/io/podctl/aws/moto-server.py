# Starts moto_server (argv as moto_server's) for podctl's tests, with five changes, each a place
# where moto 5.2 differs from AWS in a way the Terraform AWS provider runs into.
import sys

import werkzeug.serving as serving

# One request at a time: S3 decides conditional writes atomically, and so must moto.
threaded_run = serving.run_simple
serving.run_simple = lambda *a, **k: threaded_run(*a, **dict(k, threaded=False))

# AWS makes a hosted zone created with a VPC private; moto only looks at
# HostedZoneConfig.PrivateZone, which the provider does not send.
from moto.route53.responses import Route53

bool_param = Route53._get_bool_param


def private_zone_flag(self, name, if_none=None):
    if name == "HostedZoneConfig.PrivateZone" and self._get_param("VPC.VPCId"):
        return True
    return bool_param(self, name, if_none)


Route53._get_bool_param = private_zone_flag

# CreateLaunchTemplateVersion stores UserData unparsed, and an Auto Scaling group launching from
# that version then fails an assertion (HTTP 500, retried for ever by the provider).
from moto.ec2.models.launch_templates import LaunchTemplate
from moto.core.types import Base64EncodedString
from moto.ec2.utils import parse_user_data

create_version = LaunchTemplate.create_version


def parsed_create_version(self, data, description):
    user_data = data.get("UserData")
    if user_data is not None and not isinstance(user_data, Base64EncodedString):
        data = dict(data, UserData=parse_user_data(user_data))
    return create_version(self, data, description)


LaunchTemplate.create_version = parsed_create_version

# CreateLaunchTemplate copies the template's own tags (resource type launch-template) into the
# template data's TagSpecifications, so every read shows a tag specification nobody asked for and
# every preview wants to update the template.
from moto.ec2.models.launch_templates import LaunchTemplateBackend

create_template = LaunchTemplateBackend.create_launch_template


def create_template_without_own_tags(self, name, description, template_data, tag_spec):
    specs = template_data.get("TagSpecifications")
    if specs:
        template_data = dict(template_data, TagSpecifications=[
            s for s in specs if s.get("ResourceType") != "launch-template"])
    return create_template(self, name, description, template_data, tag_spec)


LaunchTemplateBackend.create_launch_template = create_template_without_own_tags

# A rule whose source is another security group keeps its description with that reference, but
# DescribeSecurityGroupRules reads it only from a CIDR range: such rules come back without one,
# and every refresh reports a change to each of them.
from moto.ec2.models.security_groups import SecurityGroupRule

SecurityGroupRule.description = property(
    lambda self: self.ip_range.get("Description") or self.source_group.get("Description"))

from moto.server import main

main(sys.argv[1:])
