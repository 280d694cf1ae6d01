package io.podctl.spec.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML document into {@link YamlNode}s with positions. It uses SnakeYAML's composer,
 * which stops before object construction: duplicate keys survive (so we can report them), and
 * anchors/aliases are refused to keep specs plain and review-friendly.
 */
public final class YamlReader {

    /** SnakeYAML's own guard; callers refuse bigger files earlier, with a message that says so. */
    private static final int MAX_DOCUMENT_CODE_POINTS = 1 << 20;

    private YamlReader() {}

    /** Returns null for an empty document. */
    public static YamlNode read(String file, String text) throws YamlSyntaxError {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
        try {
            refuseAnchorsAndAliases(file, new Yaml(options).parse(new StringReader(text)));
            Node root = new Yaml(options).compose(new StringReader(text));
            return root == null ? null : convert(file, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position where = mark == null ? Position.startOf(file) : at(file, mark);
            throw new YamlSyntaxError(where, "malformed YAML: " + describe(e));
        } catch (YAMLException e) {
            throw new YamlSyntaxError(Position.startOf(file), "malformed YAML: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Specs are plain so a reviewer reads every value where it applies: an anchor, an alias or a
     * merge key hides a value's origin. Found on the event stream, before the composer resolves
     * aliases, so the message points at the line that uses one.
     */
    private static void refuseAnchorsAndAliases(String file, Iterable<Event> events) throws YamlSyntaxError {
        for (Event event : events) {
            if (event instanceof AliasEvent alias) {
                throw new YamlSyntaxError(at(file, alias.getStartMark()), "aliases (*" + printable(alias.getAnchor())
                        + ") are not allowed in pod specs: write the value out where it is used");
            }
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                throw new YamlSyntaxError(at(file, node.getStartMark()), "anchors (&" + printable(node.getAnchor())
                        + ") are not allowed in pod specs: write each value out where it is used");
            }
        }
    }

    private static String printable(String name) {
        String text = name == null ? "" : name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    // SnakeYAML's full message echoes the offending line; keep only the problem statement.
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String text = context.isEmpty() ? problem : problem + " (" + context + ")";
        return text.isBlank() ? "cannot parse" : text.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static YamlNode convert(String file, Node node) throws YamlSyntaxError {
        Position position = at(file, node.getStartMark());
        if (node instanceof MappingNode mapping) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                YamlNode key = convert(file, tuple.getKeyNode());
                if (!(key instanceof YamlNode.Scalar scalarKey)) {
                    throw new YamlSyntaxError(key.position(), "mapping keys must be plain strings, not " + key.describe());
                }
                if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
                    throw new YamlSyntaxError(key.position(), "merge keys (<<) are not allowed in pod specs: write the keys out"
                            + " (fleet.yaml's defaults are the way to share values between pods)");
                }
                entries.add(new YamlNode.Entry(scalarKey, convert(file, tuple.getValueNode())));
            }
            return new YamlNode.Mapping(position, List.copyOf(entries));
        }
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(file, item));
            }
            return new YamlNode.Sequence(position, List.copyOf(items));
        }
        ScalarNode scalar = (ScalarNode) node;
        return new YamlNode.Scalar(position, scalar.getValue(), kindOf(scalar));
    }

    private static YamlNode.ScalarKind kindOf(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return YamlNode.ScalarKind.NULL;
        }
        if (Tag.INT.equals(tag)) {
            return YamlNode.ScalarKind.INT;
        }
        if (Tag.FLOAT.equals(tag)) {
            return YamlNode.ScalarKind.FLOAT;
        }
        if (Tag.BOOL.equals(tag)) {
            return YamlNode.ScalarKind.BOOL;
        }
        return YamlNode.ScalarKind.STRING;
    }

    private static Position at(String file, Mark mark) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
