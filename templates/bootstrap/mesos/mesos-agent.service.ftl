[Unit]
Description=Mesos agent [=version], pool [=pool] of pod [=pod]
Requires=podctl-instance-facts.service docker.service
After=network-online.target podctl-instance-facts.service docker.service
Wants=network-online.target

[Service]
ExecStart=[=layout.script("exec-with-flags")] [=layout.agentFlags] /usr/sbin/mesos-agent
Restart=always
RestartSec=10
# Tasks outlive an agent restart (the agent recovers them from its work dir): stop only the agent.
KillMode=process
Delegate=true
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
