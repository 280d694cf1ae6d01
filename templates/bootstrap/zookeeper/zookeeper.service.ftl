[Unit]
Description=ZooKeeper [=version], member [=myId] of pod [=pod]
Requires=podctl-data-volume.service
After=network-online.target podctl-data-volume.service
Wants=network-online.target
RequiresMountsFor=[=layout.dataMount]

[Service]
User=zookeeper
Group=zookeeper
Environment=ZOOCFGDIR=[=layout.zooCfg?keep_before_last("/")]
Environment=ZOO_LOG_DIR=/var/log/zookeeper
# myid belongs in dataDir, which exists only once the data volume is mounted
ExecStartPre=+/usr/bin/install -d -o zookeeper -g zookeeper -m 0750 [=dataDir]
ExecStartPre=+/usr/bin/install -o zookeeper -g zookeeper -m 0644 [=layout.zooMyid] [=dataDir]/myid
ExecStart=/opt/zookeeper/current/bin/zkServer.sh start-foreground
Restart=on-failure
RestartSec=5
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
