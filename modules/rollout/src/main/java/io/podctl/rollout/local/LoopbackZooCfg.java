package io.podctl.rollout.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a {@code zoo.cfg} written for real hosts onto this machine's loopback: every address
 * becomes 127.0.0.1, every port a free local one, the data directory a local one. Everything
 * else (timing, whitelist, limits) is kept line by line, comments included, so a test runs the
 * configuration the pod plan rendered.
 */
public final class LoopbackZooCfg {

    public static final String LOOPBACK = "127.0.0.1";

    private static final Pattern SERVER = Pattern.compile("server\\.(\\d+)");
    private static final Set<String> ROLES = Set.of("participant", "observer");

    private LoopbackZooCfg() {
    }

    /**
     * @param zooCfg  Properties-style text ({@code key=value} lines, {@code #} comments)
     * @param myId    the server this copy is for: its ports become clientPort and admin.serverPort
     * @param ports   loopback ports per server id; must cover every {@code server.N} line
     * @param dataDir the local data directory (also used for dataLogDir when that is set)
     */
    public static String rewrite(String zooCfg, int myId, Map<Integer, NodePorts> ports, Path dataDir) {
        NodePorts own = ports.get(myId);
        if (own == null) {
            throw new IllegalArgumentException("no ports for myid " + myId);
        }
        String dir = dataDir.toAbsolutePath().toString();
        Map<String, String> fixed = new java.util.LinkedHashMap<>();
        fixed.put("dataDir", dir);
        fixed.put("clientPort", Integer.toString(own.client()));
        fixed.put("clientPortAddress", LOOPBACK);
        fixed.put("admin.serverAddress", LOOPBACK);
        fixed.put("admin.serverPort", Integer.toString(own.admin()));

        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<Integer> servers = new LinkedHashSet<>();
        for (String line : zooCfg.split("\\R")) {
            String trimmed = line.strip();
            int sep = separator(trimmed);
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || sep < 0) {
                out.add(line);
                continue;
            }
            String key = trimmed.substring(0, sep).strip();
            String value = trimmed.substring(sep + 1).strip();
            seen.add(key);
            Matcher server = SERVER.matcher(key);
            if (server.matches()) {
                int id = Integer.parseInt(server.group(1));
                NodePorts node = ports.get(id);
                if (node == null) {
                    throw new IllegalArgumentException("zoo.cfg names server." + id + " but no ports were given for it");
                }
                servers.add(id);
                out.add(key + "=" + serverValue(value, node));
            } else if (fixed.containsKey(key)) {
                out.add(key + "=" + fixed.get(key));
            } else if (key.equals("dataLogDir")) {
                out.add(key + "=" + dir);
            } else {
                out.add(line);
            }
        }
        if (!servers.containsAll(ports.keySet()) && !servers.isEmpty()) {
            throw new IllegalArgumentException("ports given for servers " + ports.keySet() + " but zoo.cfg lists " + servers);
        }
        fixed.forEach((key, value) -> {
            if (!seen.contains(key)) {
                out.add(key + "=" + value);
            }
        });
        return String.join("\n", out) + "\n";
    }

    /** {@code host:2888:3888[:role][;[clientHost:]2181]}, possibly with several '|' addresses. */
    private static String serverValue(String value, NodePorts node) {
        String[] addressAndClient = value.split(";", 2);
        String addresses = addressAndClient[0].strip();
        String last = addresses.substring(addresses.lastIndexOf(':') + 1).strip();
        String role = ROLES.contains(last) ? ":" + last : "";
        String rewritten = LOOPBACK + ":" + node.quorum() + ":" + node.election() + role;
        if (addressAndClient.length == 2) {
            rewritten += ";" + LOOPBACK + ":" + node.client();
        }
        return rewritten;
    }

    private static int separator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }
}
