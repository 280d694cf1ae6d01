#!/bin/sh
# Stand-in for Apache's bin/zkServer.sh in the VM test's ZooKeeper tarball (built from the release
# jars on Maven Central, which carry no scripts): "start-foreground" as zookeeper.service runs it,
# reading zoo.cfg and the logging configuration from ZOOCFGDIR like the real script.
[ "$1" = start-foreground ] || { echo "zkServer.sh stand-in: only start-foreground" >&2; exit 2; }
home=$(cd "$(dirname "$0")/.." && pwd)
exec "$JAVA_HOME/bin/java" -Xmx256m -Dzookeeper.log.dir="${ZOO_LOG_DIR:-/tmp}" \
  -cp "$ZOOCFGDIR:$home/lib/*" org.apache.zookeeper.server.quorum.QuorumPeerMain "$ZOOCFGDIR/zoo.cfg"
