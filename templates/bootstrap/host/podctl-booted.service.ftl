[Unit]
Description=Record that every boot step of this host of pod [=pod] succeeded
Requires=[=requires?join(" ")]
After=[=requires?join(" ")]

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=[=layout.script("report-step")] booted [=last]

[Install]
WantedBy=multi-user.target
