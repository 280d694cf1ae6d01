#!/bin/bash
# Writes what this instance only learns when it runs (address, zone, EC2 host name) to
# [=layout.instanceEnv], from the instance metadata service (IMDSv2, session token).
set -euo pipefail

imds=http://169.254.169.254/latest
token=$(curl -fsS --retry 10 --retry-connrefused -X PUT "$imds/api/token" \
  -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')
metadata() {
  curl -fsS --retry 10 --retry-connrefused -H "X-aws-ec2-metadata-token: $token" "$imds/meta-data/$1"
}

private_ip=$(metadata local-ipv4)
zone=$(metadata placement/availability-zone)
local_hostname=$(metadata local-hostname)

target=[=layout.instanceEnv]
mkdir -p "$(dirname "$target")"
tmp=$(mktemp "$target.XXXXXX")
printf 'PRIVATE_IP=%s\nAVAILABILITY_ZONE=%s\nLOCAL_HOSTNAME=%s\n' "$private_ip" "$zone" "$local_hostname" > "$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$target"
