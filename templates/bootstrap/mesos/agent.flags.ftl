<#import "/bootstrap/lib.ftl" as lib>
# Mesos agent [=version], pool [=pool] of pod [=pod]: one flag per line, passed on by exec-with-flags.
# ${PRIVATE_IP}, ${LOCAL_HOSTNAME} and ${AVAILABILITY_ZONE} are filled in at boot from IMDSv2.
--master=[=lib.zkUrl(zookeeper, "/mesos")]
--work_dir=[=workDir]
--containerizers=[=containerizers?join(",")]
--attributes=zone:${AVAILABILITY_ZONE}<#list attributes as attribute>;[=attribute.name]:[=attribute.value]</#list>
--hostname=${LOCAL_HOSTNAME}
--ip=${PRIVATE_IP}
--advertise_ip=${PRIVATE_IP}
--port=[=port]
# Docker image pulls take longer than the default minute.
--executor_registration_timeout=5mins
--log_dir=/var/log/mesos
<#if credentialFile??>
# The agent registers with its principal and secret from the file fetched at boot onto tmpfs.
--credential=[=credentialFile]
</#if>
