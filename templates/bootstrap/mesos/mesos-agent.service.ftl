[Unit]
Description=Mesos agent [=version], pool [=pool] of pod [=pod]
# every boot step (image check, instance facts, Mesos install) succeeded
Requires=podctl-steps.target docker.service
After=podctl-steps.target docker.service network-online.target
Wants=network-online.target
StartLimitIntervalSec=10min
StartLimitBurst=5
OnFailure=podctl-step-failed@%N.service

[Service]
ExecStart=[=layout.script("exec-with-flags")] [=layout.agentFlags] /usr/sbin/mesos-agent
Restart=on-failure
RestartSec=10
# Tasks outlive an agent restart (the agent recovers them from its work dir): stop only the agent.
KillMode=process
Delegate=true
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
