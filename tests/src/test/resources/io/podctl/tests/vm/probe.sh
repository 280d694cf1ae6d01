#!/bin/bash
# VM test probe, started by the test's vendor data: reports this host's boot state on the serial
# console (the test reads the log) as "vmprobe ..." lines, every 15 s. It never prints a secret.
# Cheap on purpose (software emulation): cloud-init's CLI runs once, when its result is written.
out=/dev/ttyS0
report() { printf '\nvmprobe %s\n' "$*" > $out; }
units=(podctl-image podctl-data-volume podctl-instance-facts podctl-secrets podctl-install-zookeeper
  podctl-install-mesos podctl-install-marathon zookeeper mesos-master marathon podctl-booted)
report "started"
cloud_init=""
leaks=""
checked=false
while true; do
  if [[ -z $cloud_init && -f /run/cloud-init/result.json ]]; then
    cloud_init=$(cloud-init status 2>/dev/null | sed -n 's/^status: //p')
  fi
  [[ -n $cloud_init ]] && report "cloud-init $cloud_init"
  report "mount $(findmnt -no SOURCE,FSTYPE,LABEL,UUID /var/lib/pod 2>/dev/null | tr -s ' ' ,)"
  # one systemctl call for every unit: "unit=ActiveState/NRestarts"
  report "units $(systemctl show -p Id,ActiveState,NRestarts "${units[@]/%/.service}" 2>/dev/null \
    | awk -F= '/^NRestarts=/ {r=$2} /^ActiveState=/ {a=$2} /^Id=/ {i=$2} /^$/ {sub(/\.service$/, "", i); printf "%s=%s/%s ", i, a, r}
               END {sub(/\.service$/, "", i); printf "%s=%s/%s", i, a, r}')"
  # the data volume's filesystem: how often it was mounted since it was made (once per boot)
  src=$(findmnt -no SOURCE /var/lib/pod 2>/dev/null)
  [[ -n $src ]] && report "fs mounts=$(tune2fs -l "$src" 2>/dev/null | sed -n 's/^Mount count: *//p')"
  # every unit systemd holds failed, and every service it restarted (a loop shows as a count above 0)
  report "failed $(systemctl list-units --all --state=failed --plain --no-legend 2>/dev/null | awk '{printf "%s ", $1}')"
  services=$(systemctl list-units --all --type=service --plain --no-legend 2>/dev/null | awk '{print $1}')
  report "restarted $(systemctl show -p Id,NRestarts $services 2>/dev/null \
    | awk -F= '/^Id=/ {i=$2} /^NRestarts=/ {r=$2} /^$/ {if (r > 0) printf "%s=%s ", i, r; r=0}
               END {if (r > 0) printf "%s=%s ", i, r}')"
  # once the secrets are fetched: where they live, and whether a value is anywhere on a disk or in the journal
  if ! $checked && [[ $(systemctl show -p ActiveState --value podctl-secrets.service) == active ]]; then
    checked=true
    for f in /run/podctl/secrets/*/*; do
      [[ -f $f ]] || continue
      value=$(< "$f")
      leak=no
      grep -rqsF -- "$value" /etc /var /usr/local /root /opt /home /tmp && leak=disk
      journalctl -b --no-pager 2>/dev/null | grep -qF -- "$value" && leak=journal
      leaks+=" $f:fs=$(findmnt -no FSTYPE --target "$f"),mode=$(stat -c %a "$f"),leak=$leak"
    done
  fi
  $checked && report "secrets$leaks"
  # what ZooKeeper last said, and whether its peers' election ports answer on the pod network
  if [[ $(systemctl show -p ActiveState --value zookeeper.service) == active ]]; then
    report "zk-log $(journalctl -u zookeeper -n 2 --no-pager -o cat 2>/dev/null | cut -c1-160 | tr '\n' '|')"
    peers=""
    for name in $(awk '/private zone/ {z=1; next} z {print $2}' /etc/hosts); do
      if timeout 3 bash -c "exec 3<>/dev/tcp/$name/3888" 2>/dev/null; then peers+=" $name=open"; else peers+=" $name=closed"; fi
    done
    report "zk-peers$peers addrs=$(ip -br -4 addr | awk '{print $3}' | tr '\n' ',')"
  fi
  sleep 15
done
