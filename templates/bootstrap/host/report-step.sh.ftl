#!/bin/bash
# Usage: report-step failed|booted STEP
# Leaves this host's boot state where `podctl status` reads it: the SSM parameter
# [=statusPath]<#if perInstance>/<instance-id></#if>, written with the host's own role. A failed step
# is never retried in a loop: the marker and the unit's journal say what to fix.
set -uo pipefail

state=$1
step=$2
# systemd also runs OnFailure= for units that never started because a step before them failed
# (job result "dependency"); only the unit that failed itself may name the cause, or the last of
# several such reports would hide it.
if [[ $state == failed ]] && ! systemctl is-failed --quiet "$step"; then
  echo "report-step: $step did not run (an earlier step failed); the marker names that step" >&2
  exit 0
fi
name=[=statusPath]
<#if perInstance>
imds=http://169.254.169.254/latest
token=$(curl -fsS --max-time 5 -X PUT "$imds/api/token" -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')
name=$name/$(curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $token" "$imds/meta-data/instance-id")
</#if>
value="$state $step $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "podctl: $value" | systemd-cat -t podctl -p "$([[ $state == failed ]] && echo err || echo info)"
for attempt in 1 2 3 4 5; do
  aws ssm put-parameter --region [=region] --name "$name" --type String --overwrite --value "$value" >/dev/null && exit 0
  sleep $((attempt * 5))
done
echo "report-step: could not write $name" >&2
exit 1
