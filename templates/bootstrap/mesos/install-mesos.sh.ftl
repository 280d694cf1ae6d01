#!/bin/bash
# Installs Mesos [=version] from the package repository the base image configures, and holds it
# so unattended upgrades never move it: versions change only through podctl.
# Running it again is a no-op.
set -euo pipefail

version=[=version]
installed=$(dpkg-query -W -f='${Version}' mesos 2>/dev/null || true)
if [[ $installed != "$version" && $installed != "$version"-* ]]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades --allow-change-held-packages "mesos=$version*"
fi
apt-mark hold mesos
# The package enables its own agent unit; podctl's units decide what runs on this host.
systemctl disable --now mesos-slave.service 2>/dev/null || true
