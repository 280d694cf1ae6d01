[Unit]
Description=Mesos master [=version] of pod [=pod] ([=hostname])
# every boot step (data volume, instance facts, Mesos install) succeeded
Requires=podctl-steps.target
After=podctl-steps.target network-online.target
Wants=network-online.target
RequiresMountsFor=[=layout.dataMount]
StartLimitIntervalSec=10min
StartLimitBurst=5
OnFailure=podctl-step-failed@%N.service

[Service]
ExecStart=[=layout.script("exec-with-flags")] [=layout.masterFlags] /usr/sbin/mesos-master
Restart=on-failure
RestartSec=10
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
