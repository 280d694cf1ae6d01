#!/bin/bash
# Installs Apache ZooKeeper [=version] under /opt/zookeeper/[=version] from the artifact manifest's
# entry (fetched and checked by fetch-artifact), and points /opt/zookeeper/current at it.
# Java 17 comes with the image. Running it again is a no-op.
set -euo pipefail

version=[=version]
home=/opt/zookeeper/$version

if [[ ! -x $home/bin/zkServer.sh ]]; then
<#if artifact??>
  tarball=/var/cache/podctl/zookeeper-$version.tar.gz
  [=layout.script("fetch-artifact")] '[=artifact.url]' [=artifact.algorithm] [=artifact.digest] "$tarball"
  mkdir -p "$home"
  tar -xzf "$tarball" -C "$home" --strip-components=1
<#else>
  echo "install-zookeeper: zookeeper $version has no entry in the artifact manifest (pods/artifacts.yaml)" >&2
  exit 1
</#if>
fi

id zookeeper >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin zookeeper
install -d -o zookeeper -g zookeeper -m 0750 /var/log/zookeeper
# ZOOCFGDIR is [=confDir]: ZooKeeper looks for its logging configuration there, not in its home
install -m 0644 "$home/conf/logback.xml" [=confDir]/logback.xml 2>/dev/null \
  || install -m 0644 "$home/conf/log4j.properties" [=confDir]/log4j.properties
ln -sfn "$home" /opt/zookeeper/current
