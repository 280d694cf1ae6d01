package io.podctl.spec.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block; parsing is strict (four octets, prefix 0..32). */
public record Ipv4Cidr(long address, int prefix) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public static Optional<Ipv4Cidr> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long addr = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            addr = (addr << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix > 32 ? Optional.empty() : Optional.of(new Ipv4Cidr(addr, prefix));
    }

    public long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long network() {
        return address & mask();
    }

    public boolean hostBitsSet() {
        return network() != address;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean overlaps(Ipv4Cidr other) {
        long a0 = network(), a1 = a0 + size() - 1;
        long b0 = other.network(), b1 = b0 + other.size() - 1;
        return a0 <= b1 && b0 <= a1;
    }

    /** The i-th block of the given prefix inside this one, e.g. subnet i of a VPC. */
    public Ipv4Cidr subnet(int newPrefix, int index) {
        long step = 1L << (32 - newPrefix);
        return new Ipv4Cidr(network() + step * index, newPrefix);
    }

    /** The address at an offset from the network address. */
    public String host(long offset) {
        return dotted(network() + offset);
    }

    public static String dotted(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    @Override
    public String toString() {
        return dotted(address) + "/" + prefix;
    }
}
