package io.podctl.preview;

import java.util.List;

/**
 * One AWS resource that the change creates, updates, replaces or deletes.
 *
 * @param inputs         each changed input, old -> new (all inputs for a create or delete are not listed)
 * @param replacedBy     for a replacement: the changed inputs that force it
 * @param retainOnDelete a deleted (or replaced) resource stays in AWS, outside the stack
 */
public record ResourceChange(Kind kind, String type, String name, String parent, List<ValueChange> inputs, List<String> replacedBy,
        boolean deleteBeforeReplace, boolean retainOnDelete) {

    public enum Kind {
        CREATE("+"), UPDATE("~"), REPLACE("+/-"), DELETE("-");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public ResourceChange {
        inputs = List.copyOf(inputs);
        replacedBy = List.copyOf(replacedBy);
    }

    /** The short type name for humans: {@code aws:ec2/instance:Instance} -> {@code ec2.Instance}. */
    public String shortType() {
        int slash = type.indexOf('/');
        int colon = type.lastIndexOf(':');
        String module = slash < 0 ? type : type.substring(type.indexOf(':') + 1, slash);
        return module + "." + type.substring(colon + 1);
    }

    public boolean removesResource() {
        return kind == Kind.DELETE || kind == Kind.REPLACE;
    }
}
