#!/bin/bash
# Checks that the instance runs the image podctl is built for (images/README.md), so a wrong
# AMI fails this first boot step with a reason instead of half-installing.
set -uo pipefail

problems=()
# shellcheck source=/dev/null
source /etc/os-release
[[ ${ID:-} == [=image.osId] && ${VERSION_ID:-} == [=image.osVersion] ]] \
  || problems+=("OS is ${ID:-?} ${VERSION_ID:-?}, not [=image.osId] [=image.osVersion]")
for tool in<#list image.tools as tool> [=tool]</#list>; do
  command -v "$tool" >/dev/null || problems+=("$tool is missing")
done
<#list checks as check>
[=check.test] || problems+=("[=check.problem]")
</#list>
if (( ${#problems[@]} > 0 )); then
  printf 'check-image: %s\n' "${problems[@]}" >&2
  exit 1
fi
