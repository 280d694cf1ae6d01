[Unit]
Description=Marathon [=version] of pod [=pod] ([=hostname])
<#if httpCredentials>
Requires=podctl-instance-facts.service podctl-secrets.service
After=network-online.target podctl-instance-facts.service podctl-secrets.service
<#else>
Requires=podctl-instance-facts.service
After=network-online.target podctl-instance-facts.service
</#if>
Wants=network-online.target

[Service]
<#if httpCredentials>
Environment=PODCTL_SECRETS_DIR=[=layout.secretsRoot]/marathon
</#if>
ExecStart=[=layout.script("exec-with-flags")] [=layout.marathonFlags] /usr/share/marathon/bin/marathon
# DELETE /v2/leader makes the leader exit on purpose: come back as a standby
Restart=always
RestartSec=10
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
