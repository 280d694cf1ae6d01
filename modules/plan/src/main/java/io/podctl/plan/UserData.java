package io.podctl.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * How a host's cloud-config reaches EC2: gzip-compressed (cloud-init detects the gzip magic and
 * inflates it), then base64 for the API. EC2 limits the raw bytes, before base64, to
 * {@value #EC2_LIMIT_BYTES}; compression leaves room for templates and long names to grow.
 *
 * <p>The bytes must be the same on every run and machine, or an unchanged host would look
 * changed and be replaced: Java's gzip header carries no time stamp or file name, and the
 * deflate level is fixed.
 */
public final class UserData {
    /** RunInstances and launch templates refuse more user data than this, counted before base64. */
    public static final int EC2_LIMIT_BYTES = 16_384;

    private UserData() {}

    /** The bytes EC2 receives for this cloud-config. */
    public static byte[] gzip(String cloudConfig) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(cloudConfig.length() / 3);
        try (GZIPOutputStream gzip = new FixedLevelGzip(bytes)) {
            gzip.write(cloudConfig.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What the EC2 API field takes: base64 of the gzip bytes. */
    public static String base64(String cloudConfig) {
        return Base64.getEncoder().encodeToString(gzip(cloudConfig));
    }

    /** The size EC2 counts against its limit. */
    public static int size(String cloudConfig) {
        return gzip(cloudConfig).length;
    }

    /** One host or agent pool whose user data EC2 would refuse. */
    public record Oversized(String pod, String node, int bytes) {
        @Override
        public String toString() {
            return "pod " + pod + ", " + node + ": user data is " + bytes + " bytes after compression; EC2 accepts at most "
                    + EC2_LIMIT_BYTES;
        }
    }

    /** Every host and agent pool of the plan whose user data is over the limit, in plan order. */
    public static List<Oversized> oversized(PodPlan plan) {
        List<Oversized> over = new ArrayList<>();
        for (Host host : plan.controlHosts()) {
            int bytes = size(host.userData());
            if (bytes > EC2_LIMIT_BYTES) {
                over.add(new Oversized(plan.pod(), host.node(), bytes));
            }
        }
        for (AgentGroup group : plan.agentGroups()) {
            int bytes = size(group.userData());
            if (bytes > EC2_LIMIT_BYTES) {
                over.add(new Oversized(plan.pod(), PodPlanner.agentsNode(group.pool()), bytes));
            }
        }
        return over;
    }

    /** Level 9, whatever the JDK's default: the level is part of the bytes. */
    private static final class FixedLevelGzip extends GZIPOutputStream {
        FixedLevelGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
        }
    }
}
