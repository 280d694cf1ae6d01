#!/bin/bash
# Installs Marathon [=version] (the universal tarball from the artifact manifest) under
# /opt/marathon/[=version] and points /opt/marathon/current at it. It runs on the image's Java 8
# ([=java8Home]) and loads libmesos from the Mesos package. Running it again is a no-op.
set -euo pipefail

version=[=version]
home=/opt/marathon/$version

if [[ ! -x $home/bin/marathon ]]; then
<#if artifact??>
  tarball=/var/cache/podctl/marathon-$version.tgz
  [=layout.script("fetch-artifact")] '[=artifact.url]' [=artifact.algorithm] [=artifact.digest] "$tarball"
  mkdir -p "$home"
  tar -xzf "$tarball" -C "$home" --strip-components=1
<#else>
  echo "install-marathon: marathon $version has no entry in the artifact manifest (pods/artifacts.yaml)" >&2
  exit 1
</#if>
fi
ln -sfn "$home" /opt/marathon/current
