#!/bin/bash
# Mounts the host's EBS data volume on [=layout.dataMount]. The volume outlives instances: it is
# formatted only while it carries no filesystem at all, so a replacement instance keeps the state
# of the one it replaces. The volume may be attached after boot: wait for it.
set -euo pipefail

mount_point=[=layout.dataMount]
label=[=layout.dataVolumeLabel]
attach_name=[=layout.dataVolumeDevice]

if mountpoint -q "$mount_point"; then
  exit 0
fi

# Nitro instances show EBS volumes as NVMe devices in no guaranteed order: take the one EBS disk
# that is not the root disk and carries neither partitions nor a filesystem.
blank_ebs_disk() {
  local root_disk disk
  root_disk=$(lsblk -no PKNAME "$(findmnt -no SOURCE /)" | head -n 1)
  for disk in $(lsblk -dnpo NAME,MODEL | awk '/Amazon Elastic Block Store/ {print $1}'); do
    [[ $disk == "/dev/$root_disk" ]] && continue
    [[ $(lsblk -no NAME "$disk" | wc -l) -eq 1 ]] || continue
    blkid "$disk" >/dev/null 2>&1 && continue
    echo "$disk"
    return 0
  done
  return 1
}

find_device() {
  local device
  device=$(blkid -L "$label" 2>/dev/null) && { echo "$device"; return 0; }
  for device in "$attach_name" "${attach_name/xvd/sd}"; do
    [[ -b $device ]] && { echo "$device"; return 0; }
  done
  blank_ebs_disk
}

device=""
for attempt in $(seq 1 120); do
  device=$(find_device) && break
  echo "mount-data-volume: waiting for the data volume (attempt $attempt)" >&2
  sleep 5
done
if [[ -z $device ]]; then
  echo "mount-data-volume: no data volume after 10 minutes" >&2
  exit 1
fi

if ! blkid "$device" >/dev/null 2>&1; then
  mkfs.ext4 -q -L "$label" "$device"
fi
mkdir -p "$mount_point"
if ! grep -q "^LABEL=$label " /etc/fstab; then
  echo "LABEL=$label $mount_point ext4 defaults,nofail 0 2" >> /etc/fstab
fi
mount "$mount_point"
