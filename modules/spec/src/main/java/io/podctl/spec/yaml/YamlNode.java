package io.podctl.spec.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A YAML node that remembers where it was written. Parsing keeps the raw text of scalars (no
 * YAML 1.1 sexagesimal surprises such as {@code 02:00} becoming 120) and every key in source
 * order, duplicates included, so binding can report them.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Position position();

    /** A short name for messages: "a mapping", "a list", "a string". */
    String describe();

    record Entry(Scalar key, YamlNode value) {}

    record Mapping(Position position, List<Entry> entries) implements YamlNode {
        public Optional<YamlNode> get(String key) {
            return entries.stream().filter(e -> e.key().text().equals(key)).map(Entry::value).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(Position position, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** {@code kind} is what a YAML resolver would make of an unquoted value. */
    record Scalar(Position position, String text, ScalarKind kind) implements YamlNode {
        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "null";
                case INT -> "an integer";
                case FLOAT -> "a number";
                case BOOL -> "a boolean";
                case STRING -> "a string";
            };
        }
    }

    enum ScalarKind { STRING, INT, FLOAT, BOOL, NULL }
}
