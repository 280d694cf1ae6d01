#!/bin/bash
# Usage: exec-with-flags FLAGS_FILE COMMAND [ARG...]
# Runs COMMAND with one argument per line of FLAGS_FILE (blank lines and # comments skipped),
# after filling in ${PRIVATE_IP}, ${AVAILABILITY_ZONE} and ${LOCAL_HOSTNAME} from
# [=layout.instanceEnv]. When PODCTL_SECRETS_DIR is set, each file in it becomes an environment
# variable of the same name: secret values never appear on a command line, where every local
# user could read them.
set -euo pipefail

flags_file=$1
shift

# shellcheck source=/dev/null
source [=layout.instanceEnv]

args=()
while IFS= read -r line || [[ -n $line ]]; do
  [[ -z $line || $line == '#'* ]] && continue
  line=${line//'${PRIVATE_IP}'/$PRIVATE_IP}
  line=${line//'${AVAILABILITY_ZONE}'/$AVAILABILITY_ZONE}
  line=${line//'${LOCAL_HOSTNAME}'/$LOCAL_HOSTNAME}
  args+=("$line")
done < "$flags_file"

if [[ -n ${PODCTL_SECRETS_DIR:-} ]]; then
  for secret in "$PODCTL_SECRETS_DIR"/*; do
    [[ -f $secret ]] || continue
    export "$(basename "$secret")=$(< "$secret")"
  done
  unset PODCTL_SECRETS_DIR
fi

exec "$@" "${args[@]}"
