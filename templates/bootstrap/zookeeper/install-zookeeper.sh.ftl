#!/bin/bash
# Installs Apache ZooKeeper [=version] under /opt/zookeeper/[=version] from the Apache archive,
# checked against its published SHA-512, and points /opt/zookeeper/current at it.
# Running it again is a no-op.
set -euo pipefail

version=[=version]
home=/opt/zookeeper/$version

if [[ ! -x $home/bin/zkServer.sh ]]; then
  base=https://archive.apache.org/dist/zookeeper/zookeeper-$version
  tarball=apache-zookeeper-$version-bin.tar.gz
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  curl -fsSL --retry 5 -o "$work/$tarball" "$base/$tarball"
  curl -fsSL --retry 5 -o "$work/$tarball.sha512" "$base/$tarball.sha512"
  # .sha512 files come as "HASH  FILE" or "FILE: HE XH AS H": take the first 128 hex digits
  expected=$(tr -d '[:space:]' < "$work/$tarball.sha512" | grep -oiE '[0-9a-f]{128}' | head -n 1 | tr 'A-F' 'a-f')
  actual=$(sha512sum "$work/$tarball" | cut -d ' ' -f 1)
  if [[ -z $expected || $expected != "$actual" ]]; then
    echo "install-zookeeper: checksum mismatch for $tarball" >&2
    exit 1
  fi
  mkdir -p "$home"
  tar -xzf "$work/$tarball" -C "$home" --strip-components=1
fi

if ! command -v java >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless
fi
id zookeeper >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin zookeeper
install -d -o zookeeper -g zookeeper -m 0750 /var/log/zookeeper
ln -sfn "$home" /opt/zookeeper/current
