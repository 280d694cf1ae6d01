[Unit]
Description=Fetch this host's secrets into [=layout.secretsRoot]
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=[=layout.script("fetch-secrets")]
TimeoutStartSec=10min

[Install]
WantedBy=multi-user.target
