[Unit]
Description=ZooKeeper [=zk.version], member [=zk.myId] of pod [=zk.pod]
# every boot step up to its own install (image, data volume, ZooKeeper) succeeded; a later step
# that fails (Mesos or Marathon on a shared host) must not keep the pod's quorum member down
Requires=[=installStep]
After=[=installStep] network-online.target
Wants=network-online.target
RequiresMountsFor=[=layout.dataMount]
StartLimitIntervalSec=10min
StartLimitBurst=5
OnFailure=podctl-step-failed@%N.service

[Service]
User=zookeeper
Group=zookeeper
Environment=JAVA_HOME=[=javaHome]
Environment=ZOOCFGDIR=[=layout.zooCfg?keep_before_last("/")]
Environment=ZOO_LOG_DIR=/var/log/zookeeper
# myid belongs in dataDir, which exists only once the data volume is mounted
ExecStartPre=+/usr/bin/install -d -o zookeeper -g zookeeper -m 0750 [=zk.dataDir]
ExecStartPre=+/usr/bin/install -o zookeeper -g zookeeper -m 0644 [=layout.zooMyid] [=zk.dataDir]/myid
ExecStart=/opt/zookeeper/current/bin/zkServer.sh start-foreground
Restart=on-failure
RestartSec=5
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
