<#import "/bootstrap/lib.ftl" as lib>
# Marathon [=version] of pod [=pod]: one flag per line, passed on by exec-with-flags.
# All instances share --zk, which makes them one HA group; standbys proxy to the leader's --hostname.
<#if httpCredentials>
# HTTP credentials arrive as MARATHON_HTTP_CREDENTIALS from the boot-fetched secret, never as a flag.
</#if>
--master=[=lib.zkUrl(zookeeper, "/mesos")]
--zk=[=lib.zkUrl(zookeeper, "/marathon")]
--hostname=[=hostname]
--http_port=[=httpPort]
<#if mesosSecretFile??>
# Registers with the masters as principal [=mesosPrincipal]; the secret stays in the file fetched at boot.
--mesos_authentication
--mesos_authentication_principal=[=mesosPrincipal]
--mesos_authentication_secret_file=[=mesosSecretFile]
</#if>
