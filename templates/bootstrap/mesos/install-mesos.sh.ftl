#!/bin/bash
# Installs Mesos [=version] (the team's .deb for the image's OS, from the artifact manifest) with
# --no-install-recommends, so no distribution ZooKeeper lands on port 2181, and holds it: versions
# change only through podctl. Running it again is a no-op.
set -euo pipefail

version=[=version]
installed=$(dpkg-query -W -f='${Version}' mesos 2>/dev/null || true)
if [[ $installed != "$version" && $installed != "$version"-* ]]; then
<#if artifact??>
  deb=/var/cache/podctl/mesos_$version.deb
  [=layout.script("fetch-artifact")] '[=artifact.url]' [=artifact.algorithm] [=artifact.digest] "$deb"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --allow-downgrades --allow-change-held-packages "$deb"
<#else>
  echo "install-mesos: mesos $version has no entry in the artifact manifest (pods/artifacts.yaml)" >&2
  exit 1
</#if>
fi
apt-mark hold mesos
# The package's own units never run: podctl's units decide what runs on this host.
<#list packageUnitsOff as unit>
systemctl disable --now [=unit] 2>/dev/null || true
</#list>
