#!/bin/bash
# Installs Marathon [=version] from the package repository the base image configures, and holds
# it so unattended upgrades never move it: versions change only through podctl.
# Running it again is a no-op.
set -euo pipefail

version=[=version]
installed=$(dpkg-query -W -f='${Version}' marathon 2>/dev/null || true)
if [[ $installed != "$version" && $installed != "$version"-* ]]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades --allow-change-held-packages "marathon=$version*"
fi
apt-mark hold marathon
