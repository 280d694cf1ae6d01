[Unit]
Description=Every boot step of this host of pod [=pod] succeeded
Requires=[=last]
After=[=last]

[Install]
WantedBy=multi-user.target
