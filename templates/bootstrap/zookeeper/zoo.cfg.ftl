# ZooKeeper, member [=myId] of the ensemble of pod [=pod]. Rendered by podctl: edits are lost.
tickTime=[=tickTimeMs]
initLimit=[=initLimitTicks]
syncLimit=[=syncLimitTicks]
# On the data volume: a replacement instance rejoins with its snapshots and log.
dataDir=[=dataDir]
clientPort=[=clientPort]
<#list servers as server>
server.[=server.id]=[=server.host]:[=server.quorumPort]:[=server.electionPort]
</#list>
# What podctl's health probes ask: srvr (leader/follower), mntr (sync state), ruok.
4lw.commands.whitelist=[=fourLetterWords?join(",")]
# The AdminServer defaults to 8080, Marathon's port on shared hosts.
admin.serverPort=[=adminPort]
# Old snapshots and transaction logs would fill the data volume.
autopurge.snapRetainCount=5
autopurge.purgeInterval=24
