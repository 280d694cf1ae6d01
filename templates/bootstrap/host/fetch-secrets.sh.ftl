#!/bin/bash
# Fetches this host's secrets with the instance role at every boot into [=layout.secretsRoot]
# (tmpfs, root only). Only references are written here; values never touch the disk or a
# rendered file, and a rotated secret is picked up by a restart.
set -euo pipefail

region=[=region]

fetch() {
  local store=$1 id=$2 target=$3 value attempt
  for attempt in $(seq 1 30); do
    case $store in
      ssm)
        value=$(aws ssm get-parameter --region "$region" --name "$id" --with-decryption \
          --query Parameter.Value --output text) && break ;;
      secretsmanager)
        value=$(aws secretsmanager get-secret-value --region "$region" --secret-id "$id" \
          --query SecretString --output text) && break ;;
    esac
    # a new instance role can take a few seconds to be usable
    echo "fetch-secrets: cannot read $id yet (attempt $attempt)" >&2
    sleep 10
  done
  if [[ -z ${value:-} ]]; then
    echo "fetch-secrets: no value for $id" >&2
    return 1
  fi
  install -d -m 0700 "$(dirname "$target")"
  (umask 077 && printf '%s' "$value" > "$target.tmp")
  mv "$target.tmp" "$target"
}

install -d -m 0700 [=layout.secretsRoot]
<#list secrets as secret>
# [=secret.name]
fetch [=secret.store] '[=secret.id]' [=layout.secretsRoot]/[=secret.service]/[=secret.variable]
</#list>
