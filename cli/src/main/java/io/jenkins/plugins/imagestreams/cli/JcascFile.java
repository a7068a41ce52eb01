package io.jenkins.plugins.imagestreams.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A JCasC file loaded with SnakeYAML as JCasC loads it: one document, every scalar kept as the text written (JCasC
 * converts booleans and numbers from text, per attribute), merge keys applied. Beside the tree, the line of every
 * path ({@code unclassified.imageStreams.streams[0].name}) is kept, so that each problem can point at its line.
 *
 * @param file the file
 * @param document the tree: maps, lists, strings and nulls
 * @param lines the 1-based line of each path
 */
record JcascFile(Path file, Object document, Map<String, Integer> lines) {
    /**
     * Loads a file.
     *
     * @param file the JCasC file
     * @return the loaded file
     * @throws CliFailure with exit code 2 when the file cannot be read, 1 when it is not one YAML document
     */
    static JcascFile load(final Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliFailure.usage(file + ": no such file");
        } catch (IOException e) {
            throw CliFailure.usage(file + ": cannot be read: " + e.getMessage());
        }
        try {
            Object document = new Yaml(new TextScalars()).load(text);
            Map<String, Integer> lines = new HashMap<>();
            Node root = new Yaml(new TextScalars()).compose(new java.io.StringReader(text));
            if (root != null) {
                index(root, "", lines);
            }
            return new JcascFile(file, document, Map.copyOf(lines));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            String context = e.getContext() == null ? "" : e.getContext() + ", ";
            throw CliFailure.failed(List.of(file + ":" + line + ": not valid YAML: " + context + e.getProblem()));
        } catch (YAMLException e) {
            throw CliFailure.failed(List.of(file + ": not valid YAML: " + e.getMessage()));
        }
    }

    /**
     * Returns the line of a path, or of its nearest ancestor that is in the file.
     *
     * @param path e.g. {@code unclassified.imageStreams.streams[0].tags[1].from}
     * @return the 1-based line; 1 when no part of the path is in the file
     */
    int lineOf(final String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return 1;
    }

    private static void index(final Node node, final String path, final Map<String, Integer> lines) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
                    index(tuple.getValueNode(), child, lines);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> elements = sequence.getValue();
            for (int i = 0; i < elements.size(); i++) {
                String child = path + "[" + i + "]";
                lines.putIfAbsent(child, elements.get(i).getStartMark().getLine() + 1);
                index(elements.get(i), child, lines);
            }
        }
    }

    /** SnakeYAML's safe constructor, with booleans, numbers and timestamps kept as the text written, as JCasC does. */
    private static final class TextScalars extends SafeConstructor {
        TextScalars() {
            super(new LoaderOptions());
            for (Tag tag : List.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP)) {
                yamlConstructors.put(tag, new ConstructYamlStr());
            }
        }
    }
}
