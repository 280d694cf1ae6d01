[Unit]
Description=podctl boot step [=step.number] of pod [=pod]: [=step.description]
<#if step.previous??>
# Steps run in order; one that fails stops the chain and leaves its marker (report-step).
Requires=[=step.previous]
After=[=step.previous]
</#if>
Wants=network-online.target
After=network-online.target local-fs.target
OnFailure=podctl-step-failed@%N.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=[=step.command]
TimeoutStartSec=[=step.timeout]

[Install]
WantedBy=multi-user.target
