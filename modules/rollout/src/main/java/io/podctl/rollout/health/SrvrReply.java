package io.podctl.rollout.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code srvr} (or {@code stat}) reply. A server outside the quorum only says it is
 * not serving: then the mode is {@link ZooKeeperMode#NOT_SERVING}, version blank and zxid -1.
 */
public record SrvrReply(ZooKeeperMode mode, String version, long zxid) {

    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    public static SrvrReply parse(String reply) {
        if (reply.strip().startsWith(NOT_SERVING)) {
            return new SrvrReply(ZooKeeperMode.NOT_SERVING, "", -1);
        }
        Map<String, String> fields = fields(reply);
        String mode = fields.get("Mode");
        String banner = fields.get("Zookeeper version");
        if (mode == null || banner == null) {
            throw new IllegalArgumentException("not a srvr reply: " + firstLine(reply));
        }
        String zxid = fields.getOrDefault("Zxid", "-0x1");
        return new SrvrReply(ZooKeeperMode.fromSrvr(mode), ZooKeeperVersion.release(banner), parseZxid(zxid));
    }

    /** "Key: value" lines; indented lines (the {@code stat} Clients block) are skipped. */
    private static Map<String, String> fields(String reply) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : reply.split("\\R")) {
            int sep = line.indexOf(": ");
            if (sep > 0 && !Character.isWhitespace(line.charAt(0))) {
                fields.putIfAbsent(line.substring(0, sep), line.substring(sep + 2).trim());
            }
        }
        return fields;
    }

    private static long parseZxid(String zxid) {
        return zxid.startsWith("0x") ? Long.parseUnsignedLong(zxid.substring(2), 16) : Long.decode(zxid);
    }

    private static String firstLine(String reply) {
        String[] lines = reply.strip().split("\\R", 2);
        return lines.length == 0 || lines[0].isEmpty() ? "(empty)" : lines[0];
    }
}
