[Unit]
Description=Marathon [=version] of pod [=pod] ([=hostname])
# every boot step (facts, secrets, libmesos, Marathon itself) succeeded
Requires=podctl-steps.target
After=podctl-steps.target network-online.target
Wants=network-online.target
# a crash loop ends in the failed state with a marker, never runs forever
StartLimitIntervalSec=10min
StartLimitBurst=5
OnFailure=podctl-step-failed@%N.service

[Service]
<#if httpCredentials>
Environment=PODCTL_SECRETS_DIR=[=layout.secretsRoot]/marathon
</#if>
# Marathon 1.11 runs on Java 8, never on the Java 17 ZooKeeper brings to a shared host
Environment=JAVA_HOME=[=javaHome]
Environment=MESOS_NATIVE_JAVA_LIBRARY=[=libmesos]
# The masters connect back to the scheduler driver: a fixed port the security group admits,
# on this instance's address (PRIVATE_IP from [=layout.instanceEnv])
Environment=LIBPROCESS_PORT=[=libprocessPort?c]
EnvironmentFile=[=layout.instanceEnv]
ExecStart=/usr/bin/env LIBPROCESS_IP=${PRIVATE_IP} [=layout.script("exec-with-flags")] [=layout.marathonFlags] /opt/marathon/current/bin/marathon
# DELETE /v2/leader makes the leader exit on purpose: come back as a standby
Restart=always
RestartSec=10
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
