[Unit]
Description=Mesos master [=version] of pod [=pod] ([=hostname])
Requires=podctl-data-volume.service podctl-instance-facts.service
After=network-online.target podctl-data-volume.service podctl-instance-facts.service
Wants=network-online.target
RequiresMountsFor=[=layout.dataMount]

[Service]
ExecStart=[=layout.script("exec-with-flags")] [=layout.masterFlags] /usr/sbin/mesos-master
Restart=always
RestartSec=10
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
