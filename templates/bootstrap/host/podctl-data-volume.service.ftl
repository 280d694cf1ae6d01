[Unit]
Description=Mount the podctl data volume on [=layout.dataMount]
After=local-fs.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=[=layout.script("mount-data-volume")]
TimeoutStartSec=15min

[Install]
WantedBy=multi-user.target
