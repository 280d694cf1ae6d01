<#import "/bootstrap/lib.ftl" as lib>
# Mesos master [=version] of pod [=pod]: one flag per line, passed on by exec-with-flags.
# ${PRIVATE_IP} is this instance's address, filled in at boot from IMDSv2.
--zk=[=lib.zkUrl(zookeeper, "/mesos")]
--quorum=[=quorum]
--cluster=[=pod]
--hostname=[=hostname]
--ip=${PRIVATE_IP}
--advertise_ip=${PRIVATE_IP}
--port=[=port]
--work_dir=[=workDir]
--log_dir=/var/log/mesos
<#if credentialsFile??>
# Frameworks (CRAM-MD5), agents (CRAM-MD5) and read-write HTTP calls (basic) must authenticate
# against the credentials file fetched at boot onto tmpfs; its values never appear here.
--authenticate_frameworks=true
--authenticate_agents=true
--authenticate_http_readwrite=true
--credentials=[=credentialsFile]
</#if>
