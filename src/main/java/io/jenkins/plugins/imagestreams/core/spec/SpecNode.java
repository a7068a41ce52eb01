package io.jenkins.plugins.imagestreams.core.spec;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value of the YAML tree with its path, e.g. {@code unclassified.imageStreams.streams[0].name}. A YAML
 * {@code null} and a missing key are both absent, as JCasC treats them.
 */
final class SpecNode {
    private final String path;

    @CheckForNull
    private final Object value;

    private SpecNode(final String path, @CheckForNull final Object value) {
        this.path = path;
        this.value = value;
    }

    static SpecNode of(final String path, @CheckForNull final Object value) {
        return new SpecNode(path, value);
    }

    String path() {
        return path;
    }

    boolean isAbsent() {
        return value == null;
    }

    boolean isMapping() {
        return value instanceof Map;
    }

    SpecNode child(final String key, @CheckForNull final Object childValue) {
        return new SpecNode(path + "." + key, childValue);
    }

    /**
     * Returns the entries of a mapping; an absent node has none.
     *
     * @throws InvalidValueException if the value is a list or a scalar
     */
    Map<?, ?> entries() {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw reject("must be a mapping of attributes");
    }

    /**
     * Returns the elements of a list, each with its index in its path; an absent node has none.
     *
     * @throws InvalidValueException if the value is not a list
     */
    List<SpecNode> elements() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw reject("must be a list");
        }
        List<SpecNode> elements = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            elements.add(new SpecNode(path + "[" + i + "]", list.get(i)));
        }
        return elements;
    }

    /**
     * Returns a scalar as JCasC reads it: text, whatever YAML type it had.
     *
     * @throws InvalidValueException if the value is a mapping or a list
     */
    @CheckForNull
    String text() {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw reject("must be a single value, not a " + (value instanceof Map ? "mapping" : "list"));
        }
        return String.valueOf(value);
    }

    /**
     * Creates the rejection of this node's value.
     *
     * @param rule the broken rule
     * @return the exception, naming this node's path
     */
    InvalidValueException reject(final String rule) {
        return new InvalidValueException(path, rule, shown());
    }

    @CheckForNull
    private String shown() {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value == null ? null : String.valueOf(value);
    }
}
