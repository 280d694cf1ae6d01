[Unit]
Description=Record that boot step or service %i failed on this host of pod [=pod]

[Service]
Type=oneshot
ExecStart=[=layout.script("report-step")] failed %i
