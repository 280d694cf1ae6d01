#!/bin/bash
# Usage: fetch-artifact URL ALGORITHM DIGEST TARGET
# Fetches one release file from the team's mirror (https:// or s3://, retried with back-off:
# the NAT route or an endpoint may still be settling) and keeps it only if its sha256/sha512
# digest is the artifact manifest's. A mismatch fails the step: nothing unverified is installed.
set -euo pipefail

url=$1
algorithm=$2
digest=$3
target=$4
part=$target.part
mkdir -p "$(dirname "$target")"

fetched=false
for attempt in $(seq 1 10); do
  rm -f "$part"
  case $url in
    s3://*) aws s3 cp --only-show-errors --region [=region] "$url" "$part" && fetched=true ;;
    https://*) curl -fsSL --connect-timeout 10 --max-time 600 -o "$part" "$url" && fetched=true ;;
    *) echo "fetch-artifact: unsupported location $url" >&2; exit 1 ;;
  esac
  $fetched && break
  echo "fetch-artifact: $url not fetched (attempt $attempt of 10)" >&2
  sleep $((attempt * 6))
done
if ! $fetched; then
  echo "fetch-artifact: giving up on $url" >&2
  exit 1
fi
actual=$("${algorithm}sum" "$part" | cut -d ' ' -f 1)
if [[ $actual != "$digest" ]]; then
  rm -f "$part"
  echo "fetch-artifact: $algorithm of $url is $actual, the manifest says $digest; not installing" >&2
  exit 1
fi
mv "$part" "$target"
