[Unit]
Description=Write this instance's address and zone from IMDSv2 to [=layout.instanceEnv]
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=[=layout.script("instance-facts")]

[Install]
WantedBy=multi-user.target
